package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

func TestServeDashboardOverPTY(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	sshtest.WaitOutput(t, out, "Win-back")
	// The count comes from the stand-in the server runs (the demo).
	sshtest.WaitOutput(t, out, fmt.Sprintf("%d segments", len(config.DemoOptions(time.Now).Workspace.Listed())))
	if logs := e.logs.String(); !strings.Contains(logs, "msg=connect") || !strings.Contains(logs, "fingerprint=SHA256:") {
		t.Errorf("connect not logged:\n%s", logs)
	}
	if strings.Contains(e.logs.String(), brazetest.DemoKey) {
		t.Error("the API key is in the log")
	}
}

func TestServeOneShotCheck(t *testing.T) {
	e := startServe(t, nil)
	h := e.api
	seg := tracked(h, 1)[0]
	run := func(cmd string) (string, int) { return e.run(t, cmd) }
	out, code := run("check --format spark " + seg.ID)
	if code != 0 || !strings.Contains(out, seg.Name) {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	out, code = run("check --format spark --min 999999999999 " + seg.ID)
	if code != 1 || !strings.Contains(out, "BREACH") {
		t.Errorf("breach: exit %d\n%s", code, out)
	}
	// A remote user cannot point the server's key elsewhere.
	out, code = run("check --endpoint https://attacker.example " + seg.ID)
	if code != 2 || !strings.Contains(out, "unknown flag: --endpoint") {
		t.Errorf("--endpoint over SSH: exit %d\n%s", code, out)
	}
	out, code = run("check --api-key-file /etc/passwd " + seg.ID)
	if code != 2 || !strings.Contains(out, "unknown flag") {
		t.Errorf("--api-key-file over SSH: exit %d\n%s", code, out)
	}
	out, code = run("rm -rf /")
	if code != 2 || !strings.Contains(out, "only one-shot checks") {
		t.Errorf("other command: exit %d\n%s", code, out)
	}
}

func TestServeFlagValidation(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("# nobody yet\n"), 0o600)
	cases := []struct {
		f    serveFlags
		want string
	}{
		{serveFlags{MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}, "--authorized-keys"},
		{serveFlags{AuthorizedKeys: empty, MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}, "holds no public key"},
		{serveFlags{AuthorizedKeys: filepath.Join(dir, "missing"), MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}, "no such file"},
		{serveFlags{Listen: "127.0.0.1:23234", AllowAnyKey: true, MaxSessions: 0, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}, "--max-sessions"},
		{serveFlags{Listen: "0.0.0.0:23234", AllowAnyKey: true, MaxSessions: 1, IdleTimeout: time.Minute, ConnRate: 1, ConnBurst: 1, Handshake: time.Second, MaxUnauth: 1, MaxUnauthPerIP: 1}, "for loopback only"},
	}
	for _, tc := range cases {
		if err := tc.f.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.f, err, tc.want)
		}
	}
}

func TestServeHostKeyGeneratedOnceWithMode0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	hostKeyOf := func() string {
		e := startServe(t, func(f *serveFlags, _ *config.Config) { f.HostKey = path })
		var got string
		c, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{User: "t", Auth: []gossh.AuthMethod{gossh.PublicKeys(e.allowed)},
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
				got = gossh.FingerprintSHA256(k)
				return nil
			}})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		e.stop()
		<-e.done
		e.done <- nil
		return got
	}
	first := hostKeyOf()
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("host key %v, mode %v", err, st.Mode())
	}
	if second := hostKeyOf(); second != first {
		t.Errorf("host key changed across restarts: %s then %s", first, second)
	}
}

func TestServeFollowsWindowSize(t *testing.T) {
	e := startServe(t, nil)
	c, s, out := e.ptySession(t)
	defer c.Close()
	defer s.Close()
	sshtest.WaitOutput(t, out, "Win-back")
	if strings.Contains(out.String(), "────────────────────────────────────────") {
		t.Fatal("stacked layout at 120 columns")
	}
	if err := s.WindowChange(30, 80); err != nil {
		t.Fatal(err)
	}
	// Below 100 columns the list and the chart stack, with a rule between.
	sshtest.WaitOutput(t, out, "────────────────────────────────────────")
}

// TestServeCheckOverSSHAsksBeforeCostlyChecks: a check over SSH that may
// cost more than 100 requests of the shared budget runs only with
// --yes, and one of more than 1,000 not at all; neither costs a request
// when refused.
func TestServeCheckOverSSHAsksBeforeCostlyChecks(t *testing.T) {
	e := startServe(t, nil)
	var ids []string
	for _, s := range tracked(e.api, 11) {
		ids = append(ids, s.ID)
	}
	// 11 segments × 365 days (up to 5 chunks) × 2 with --compare: 110,
	// and the first round of the workspace's listing (4 pages), which
	// names more than 10 ids: 114.
	costly := "check --format spark --length 365 --compare previous " + strings.Join(ids, " ")
	before := e.api.Requests("")
	out, code := e.run(t, costly)
	if code != cli.ExitError || !strings.Contains(out, "up to 114 API requests") || !strings.Contains(out, "add --yes") {
		t.Errorf("a check of 114 requests without --yes: exit %d\n%s", code, out)
	}
	out, code = e.run(t, "check --yes --length 365 --compare previous"+strings.Repeat(" x", 101))
	if code != cli.ExitError || !strings.Contains(out, "at most 1000 run") {
		t.Errorf("a check of 1,010 requests with --yes: exit %d\n%s", code, out)
	}
	if n := e.api.Requests(""); n != before {
		t.Errorf("refused checks cost %d requests", n-before)
	}
	if out, code := e.run(t, costly+" --yes"); code != 0 || !strings.Contains(out, tracked(e.api, 1)[0].Name) {
		t.Errorf("with --yes: exit %d\n%s", code, out)
	}
	if out, code := e.run(t, "check --format spark "+ids[0]); code != 0 {
		t.Errorf("a cheap check: exit %d\n%s", code, out)
	}
}
