package sshserve

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

// panicSession is the least of an ssh.Session that a failing handler uses.
type panicSession struct {
	ssh.Session
	stderr bytes.Buffer
	code   int
}

func (p *panicSession) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}
}
func (p *panicSession) Stderr() io.ReadWriter { return &p.stderr }
func (p *panicSession) Exit(code int) error   { p.code = code; return nil }
func (p *panicSession) Close() error          { return nil }

func TestRecoversPanics(t *testing.T) {
	var logs sshtest.Buffer
	s := &server{log: slog.New(slog.NewTextHandler(&logs, nil))}
	sess := &panicSession{}
	s.recoverPanics(func(ssh.Session) { panic("boom") })(sess)
	if !strings.Contains(logs.String(), "boom") || sess.code != ExitRefused || !strings.Contains(sess.stderr.String(), "internal error") {
		t.Errorf("panic not recovered and reported: code %d, %q, logs %q", sess.code, sess.stderr.String(), logs.String())
	}
}

func TestSessionFilterClampsWindows(t *testing.T) {
	got := sessionFilter(nil, tea.WindowSizeMsg{Width: 1 << 20, Height: -5})
	if got != (tea.WindowSizeMsg{Width: MaxWindowWidth, Height: 0}) {
		t.Errorf("filtered size %+v", got)
	}
	if got := sessionFilter(nil, tea.SuspendMsg{}); got != (tea.ResumeMsg{}) {
		t.Errorf("a suspend became %#v", got)
	}
}

func tcpAddr(ip string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000} }

// TestUnauthLimiterPerSource: one address gets perSource slots and no more,
// while other addresses still get theirs; the global cap still holds over
// many addresses; a release frees the slot once.
func TestUnauthLimiterPerSource(t *testing.T) {
	l := newUnauthLimiter(20, 8)
	var releases []func()
	for i := 0; i < 8; i++ {
		r, why := l.acquire(tcpAddr("203.0.113.7"))
		if why != "" {
			t.Fatalf("slot %d refused: %s", i+1, why)
		}
		releases = append(releases, r)
	}
	if _, why := l.acquire(tcpAddr("203.0.113.7")); why != refusedUnauthSource {
		t.Fatalf("9th from one address: %q, want %q", why, refusedUnauthSource)
	}
	// Another port of the same address, and the same address mapped into
	// IPv6, count against it too.
	if _, why := l.acquire(&net.TCPAddr{IP: net.ParseIP("::ffff:203.0.113.7"), Port: 1}); why != refusedUnauthSource {
		t.Errorf("IPv4-mapped: %q", why)
	}
	for i := 0; i < 12; i++ {
		if _, why := l.acquire(tcpAddr(fmt.Sprintf("198.51.100.%d", i+1))); why != "" {
			t.Fatalf("other address %d refused while the pool has room: %s", i, why)
		}
	}
	if _, why := l.acquire(tcpAddr("192.0.2.1")); why != refusedUnauthTotal {
		t.Fatalf("a 21st slot: %q, want %q", why, refusedUnauthTotal)
	}
	releases[0]()
	releases[0]() // twice frees one slot
	if _, why := l.acquire(tcpAddr("203.0.113.7")); why != "" {
		t.Fatalf("after a release: %s", why)
	}
	if _, why := l.acquire(tcpAddr("192.0.2.1")); why == "" {
		t.Error("a double release freed two slots")
	}
}

func TestSourceKeyIPv6Prefix(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff::9", true},
		{"2001:db8:1:2::1", "2001:db8:1:3::1", false},
		{"203.0.113.7", "::ffff:203.0.113.7", true},
		{"203.0.113.7", "203.0.113.8", false},
	} {
		if same := sourceKey(tcpAddr(tc.a)) == sourceKey(tcpAddr(tc.b)); same != tc.same {
			t.Errorf("%s and %s: same source %v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
}

// TestAllowedWorkspaces: the workspaces a session's picker offers are
// those whose authorized keys file, read when the session starts, lists
// its key; with AllowAnyKey a workspace without a file of its own admits
// every key, one with a file only the keys in it.
func TestAllowedWorkspaces(t *testing.T) {
	dir := t.TempDir()
	usKeys, euKeys := filepath.Join(dir, "us_keys"), filepath.Join(dir, "eu_keys")
	usOnly, both, stranger := sshtest.NewSigner(t), sshtest.NewSigner(t), sshtest.NewSigner(t)
	sshtest.WriteAuthorizedKeys(t, usKeys, usOnly, both)
	sshtest.WriteAuthorizedKeys(t, euKeys, both)
	us := &workspace{Workspace: Workspace{Name: "us"}}
	eu := &workspace{Workspace: Workspace{Name: "eu", AuthorizedKeys: euKeys}}
	s := &server{cfg: Config{AuthorizedKeys: usKeys}, spaces: []*workspace{us, eu}, log: slog.New(slog.DiscardHandler)}
	offered := func(k gossh.Signer, picked *workspace) string {
		return strings.Join(workspaceNames(s.allowedWorkspaces(k.PublicKey(), picked)), ",")
	}
	for _, tc := range []struct {
		signer gossh.Signer
		picked *workspace
		want   string
	}{{usOnly, us, "us"}, {both, us, "us,eu"}, {both, eu, "us,eu"}, {stranger, us, "us"}} {
		if got := offered(tc.signer, tc.picked); got != tc.want {
			t.Errorf("picked %s: offered %q, want %q", tc.picked.Name, got, tc.want)
		}
	}
	// The files are read at every session's start: a key added to eu's
	// file is offered eu at the next session, without a restart.
	sshtest.WriteAuthorizedKeys(t, euKeys, both, usOnly)
	if got := offered(usOnly, us); got != "us,eu" {
		t.Errorf("after adding the key to eu's file: offered %q", got)
	}
	s.cfg = Config{AllowAnyKey: true}
	if got := offered(stranger, us); got != "us" {
		t.Errorf("any key: a stranger was offered %q; eu has its own authorized_keys", got)
	}
	if got := offered(both, eu); got != "us,eu" {
		t.Errorf("any key: a key of eu's file was offered %q; us admits every key", got)
	}
}

// TestLoadHostKeyGeneratesOnce: a missing host key is generated with mode
// 0600 and read back the next time; a file that holds no key is an error.
func TestLoadHostKeyGeneratesOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "host_key")
	first, err := LoadHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("generated key: %v %v, want mode 0600", st, err)
	}
	again, err := LoadHostKey(path)
	if err != nil || !bytes.Equal(again.PublicKey().Marshal(), first.PublicKey().Marshal()) {
		t.Errorf("the host key changed on the second start: %v", err)
	}
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, []byte("not a key\n"), 0o600)
	if _, err := LoadHostKey(junk); err == nil || !strings.HasPrefix(err.Error(), "not a usable private key") {
		t.Errorf("junk host key: %v", err)
	}
}
