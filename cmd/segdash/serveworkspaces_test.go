package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// wsServer is `segdash serve` over the two stand-in workspaces: us uses
// the server's authorized keys (usSigner), eu its own (euSigner);
// bothSigner is in both files.
type wsServer struct {
	addr                           string
	us, eu                         *standIn
	usSigner, euSigner, bothSigner gossh.Signer
	logs                           *sshtest.Buffer
	euKeys                         string // eu's own authorized_keys
}

// startWorkspaceServe serves us and eu; withDefault keeps
// default_workspace: us, else the file has none. anyKey serves with
// --insecure-allow-any-key instead of the server's authorized keys.
func startWorkspaceServe(t *testing.T, withDefault, anyKey bool) *wsServer {
	t.Helper()
	us, eu, env, path := twoWorkspaceEnv(t)
	dir := t.TempDir()
	e := &wsServer{us: us, eu: eu, usSigner: sshtest.NewSigner(t), euSigner: sshtest.NewSigner(t), bothSigner: sshtest.NewSigner(t), logs: &sshtest.Buffer{}}
	serverKeys, euKeys := filepath.Join(dir, "server_keys"), filepath.Join(dir, "eu_keys")
	e.euKeys = euKeys
	sshtest.WriteAuthorizedKeys(t, serverKeys, e.usSigner, e.bothSigner)
	sshtest.WriteAuthorizedKeys(t, euKeys, e.euSigner, e.bothSigner)
	b, _ := os.ReadFile(path)
	body := strings.Replace(string(b), "    api_key_env: EU_KEY\n", "    api_key_env: EU_KEY\n    authorized_keys: "+euKeys+"\n", 1)
	if !withDefault {
		body = strings.Replace(body, "default_workspace: us\n", "", 1)
	}
	os.WriteFile(path, []byte(body), 0o600)
	getenv := func(k string) string { return env[k] }
	base, err := config.ResolveBase(config.Input{Getenv: getenv}, os.UserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	var cfgs []config.Config
	for _, n := range base.WorkspaceNames() {
		cfg, err := base.Select(n)
		if err != nil {
			t.Fatal(err)
		}
		cfgs = append(cfgs, cfg)
	}
	f := &serveFlags{HostKey: filepath.Join(dir, "host_key"), AuthorizedKeys: serverKeys, MaxSessions: 32,
		IdleTimeout: time.Minute, ConnRate: 100, ConnBurst: 100, Handshake: 10 * time.Second, MaxUnauth: 32, MaxUnauthPerIP: 8}
	if anyKey {
		f.AuthorizedKeys, f.AllowAnyKey = "", true
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	a := &app{now: time.Now, getenv: getenv}
	go func() {
		done <- a.serveWorkspaces(ctx, f, cfgs, base.DefaultWorkspace, ln, slog.New(slog.NewTextHandler(e.logs, nil)))
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return e
}

// run runs command as user with signer; err is non-nil when the key was
// refused.
func (e *wsServer) run(t *testing.T, user string, signer gossh.Signer, command string) (out string, code int, err error) {
	t.Helper()
	c, err := sshtest.Dial(e.addr, user, signer)
	if err != nil {
		return "", 0, err
	}
	defer c.Close()
	out, code = sshtest.Run(t, c, command)
	return out, code, nil
}

func TestServeWorkspaceAccessMatrix(t *testing.T) {
	e := startWorkspaceServe(t, true, false)
	usSeg, euSeg := tracked(e.us.h, 1)[0], tracked(e.eu.h, 1)[0]
	stranger := sshtest.NewSigner(t)
	cases := []struct {
		user   string
		signer gossh.Signer
		// sees is the workspace whose data the session gets, "" = refused.
		sees string
	}{
		{"us", e.usSigner, "us"}, {"eu", e.usSigner, ""}, {"alice", e.usSigner, "us"},
		{"us", e.euSigner, ""}, {"eu", e.euSigner, "eu"}, {"alice", e.euSigner, ""},
		{"us", stranger, ""}, {"eu", stranger, ""}, {"alice", stranger, ""},
		// A key of both: over check the user name alone decides.
		{"us", e.bothSigner, "us"}, {"eu", e.bothSigner, "eu"}, {"alice", e.bothSigner, "us"},
	}
	for _, tc := range cases {
		for _, seg := range []struct{ ws, id, name string }{{"us", usSeg.ID, usSeg.Name}, {"eu", euSeg.ID, euSeg.Name}} {
			out, code, err := e.run(t, tc.user, tc.signer, "check --format spark "+seg.id)
			label := fmt.Sprintf("user %s with the %s key, %s's segment", tc.user, map[gossh.Signer]string{e.usSigner: "us", e.euSigner: "eu", e.bothSigner: "both's", stranger: "stranger's"}[tc.signer], seg.ws)
			switch {
			case tc.sees == "" && err == nil:
				t.Errorf("%s: let in (exit %d)\n%s", label, code, out)
			case tc.sees == "":
			case err != nil:
				t.Errorf("%s: refused: %v", label, err)
			case tc.sees == seg.ws && (code != 0 || !strings.Contains(out, seg.name)):
				t.Errorf("%s: exit %d\n%s", label, code, out)
			case tc.sees != seg.ws && (code != 2 || strings.Contains(out, seg.name)):
				t.Errorf("%s: saw the other workspace's segment: exit %d\n%s", label, code, out)
			}
		}
	}
	noCrossedKeys(t, e.us, e.eu)
	if !strings.Contains(e.logs.String(), `workspace=eu`) {
		t.Errorf("refusals do not name the workspace:\n%s", e.logs.String())
	}
}

func TestServeWithoutDefaultRefusesOtherNames(t *testing.T) {
	e := startWorkspaceServe(t, false, false)
	out, code, err := e.run(t, "alice", e.usSigner, "check x")
	if err != nil || code != 2 || !strings.Contains(out, `no workspace "alice"`) || !strings.Contains(out, "us, eu") {
		t.Errorf("no default: %v exit %d\n%s", err, code, out)
	}
	if _, _, err := e.run(t, "alice", e.euSigner, "check x"); err == nil {
		t.Error("a key of eu only was let in under an unknown name")
	}
	euSeg := tracked(e.eu.h, 1)[0]
	out, code, err = e.run(t, "eu", e.euSigner, "check --format spark "+euSeg.ID)
	if err != nil || code != 0 || !strings.Contains(out, euSeg.Name) {
		t.Errorf("eu by name: %v exit %d\n%s", err, code, out)
	}
	// Sessions of a workspace share its cache: a second check costs nothing.
	before := e.eu.h.SeriesRequests(euSeg.ID)
	if _, code, _ := e.run(t, "eu", e.euSigner, "check --format spark "+euSeg.ID); code != 0 || e.eu.h.SeriesRequests(euSeg.ID) != before {
		t.Errorf("a second session of eu asked again: exit %d, %d → %d requests", code, before, e.eu.h.SeriesRequests(euSeg.ID))
	}
	noCrossedKeys(t, e.us, e.eu)
}

func TestServeAnyKeyKeepsWorkspaceKeyFiles(t *testing.T) {
	e := startWorkspaceServe(t, true, true)
	stranger := sshtest.NewSigner(t)
	if _, code, err := e.run(t, "us", stranger, "check --format spark "+tracked(e.us.h, 1)[0].ID); err != nil || code != 0 {
		t.Errorf("--insecure-allow-any-key: us (no key file of its own) refused a key: %v exit %d", err, code)
	}
	if _, _, err := e.run(t, "eu", stranger, "check x"); err == nil {
		t.Error("--insecure-allow-any-key let a stranger into eu, which has its own authorized_keys")
	}
}
