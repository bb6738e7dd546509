package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/cmd/segdash/config"
)

// Keys of the two stand-in workspaces.
const (
	usKey = "us-secret-key-1234"
	euKey = "eu-secret-key-5678"
)

// authCounter counts the Authorization headers a stand-in receives, by
// value: a key sent to the wrong workspace shows here.
type authCounter struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *authCounter) count(h string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen[h]++
}

func (c *authCounter) get(h string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[h]
}

// standIn is one stand-in workspace on loopback.
type standIn struct {
	h    *brazetest.Handler
	url  string
	auth *authCounter
}

func newStandIn(t *testing.T, key string, seed int64, n int) *standIn {
	t.Helper()
	h := brazetest.NewHandler(brazetest.Options{Workspace: brazetest.NewWorkspace(seed, n),
		Keys: map[string][]string{key: brazetest.AllPermissions()}, Now: func() time.Time { return testNow }})
	s := &standIn{h: h, auth: &authCounter{seen: map[string]int{}}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.auth.count(r.Header.Get("Authorization"))
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

// twoWorkspaceEnv starts stand-ins us (key from a file) and eu (key from
// EU_KEY) and writes a config naming both, us the default.
func twoWorkspaceEnv(t *testing.T) (us, eu *standIn, env map[string]string, path string) {
	t.Helper()
	us, eu = newStandIn(t, usKey, 42, 40), newStandIn(t, euKey, 7, 25)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "us.key")
	if err := os.WriteFile(keyFile, []byte(usKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "config.yaml")
	body := "default_workspace: us\nworkspaces:\n" +
		"  us:\n    endpoint: " + us.url + "\n    api_key_file: " + keyFile + "\n" +
		"    watchlists:\n      morning:\n        - " + us.h.Workspace().Segments[0].ID + "\n" +
		"  eu:\n    endpoint: " + eu.url + "\n    api_key_env: EU_KEY\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return us, eu, map[string]string{"SEGDASH_CONFIG": path, "EU_KEY": euKey}, path
}

// noCrossedKeys fails when a workspace's key reached the other's server.
func noCrossedKeys(t *testing.T, us, eu *standIn) {
	t.Helper()
	if n := us.auth.get("Bearer " + euKey); n != 0 {
		t.Errorf("eu's key reached us's server %d times", n)
	}
	if n := eu.auth.get("Bearer " + usKey); n != 0 {
		t.Errorf("us's key reached eu's server %d times", n)
	}
}

func TestCheckPerWorkspace(t *testing.T) {
	us, eu, env, _ := twoWorkspaceEnv(t)
	usSeg, euSeg := tracked(us.h, 1)[0], tracked(eu.h, 1)[0]
	code, out, errs := runSegdash(t, env, "check", "--format", "spark", usSeg.ID)
	if code != 0 || !strings.Contains(out, usSeg.Name) {
		t.Errorf("default workspace us: exit %d %q %q", code, out, errs)
	}
	code, out, errs = runSegdash(t, env, "check", "-w", "eu", "--format", "spark", euSeg.ID)
	if code != 0 || !strings.Contains(out, euSeg.Name) {
		t.Errorf("-w eu: exit %d %q %q", code, out, errs)
	}
	code, _, errs = runSegdash(t, env, "check", "--workspace", "eu", "--watch", "morning")
	if code != 2 || !strings.Contains(errs, "no watchlist") {
		t.Errorf("us's watchlist seen from eu: exit %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, env, "check", "-w", "apac", "x")
	if code != 2 || !strings.Contains(errs, `unknown workspace "apac"; the workspaces are: us, eu`) {
		t.Errorf("unknown workspace: exit %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, env, "check", "-w", "us", "-w", "eu", "x")
	if code != 2 || !strings.Contains(errs, "only scan takes several") {
		t.Errorf("two workspaces for check: exit %d %q", code, errs)
	}
	if us.auth.get("Bearer "+usKey) == 0 || eu.auth.get("Bearer "+euKey) == 0 {
		t.Error("a workspace was never asked")
	}
	noCrossedKeys(t, us, eu)
}

func TestScanSeveralWorkspaces(t *testing.T) {
	us, eu, env, _ := twoWorkspaceEnv(t)
	code, out, errs := runSegdash(t, env, "scan", "-w", "all", "--format", "json")
	if code == cli.ExitError {
		t.Fatalf("exit %d %q", code, errs)
	}
	// One shape for one workspace or several: a flat segments list whose
	// rows say their workspace, and each workspace's summary.
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Total         int `json:"total"`
		Workspaces    []struct {
			Workspace string `json:"workspace"`
			Total     int    `json:"total"`
		} `json:"workspaces"`
		Segments []struct {
			Workspace string `json:"workspace"`
			SegmentID string `json:"segment_id"`
		} `json:"segments"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.SchemaVersion != 1 || doc.Total != 65 || len(doc.Workspaces) != 2 || doc.Workspaces[0].Workspace != "us" || doc.Workspaces[1].Workspace != "eu" ||
		doc.Workspaces[0].Total != 40 || doc.Workspaces[1].Total != 25 || len(doc.Segments) != 65 ||
		doc.Segments[0].Workspace != "us" || doc.Segments[64].Workspace != "eu" {
		t.Errorf("json: %+v", doc)
	}
	code, out, errs = runSegdash(t, env, "scan", "-w", "eu", "-w", "us", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code == cli.ExitError || err != nil || len(recs) != 1+40+25 || recs[0][0] != "workspace" || recs[1][0] != "eu" || recs[len(recs)-1][0] != "us" {
		t.Errorf("csv: exit %d %v %q, %d records", code, err, errs, len(recs))
	}
	_, out, _ = runSegdash(t, env, "scan", "-w", "eu", "--format", "csv")
	if strings.HasPrefix(out, "workspace,") {
		t.Error("one workspace's csv has a workspace column")
	}
	_, out, _ = runSegdash(t, env, "scan", "-w", "all", "--top", "2")
	if i, j := strings.Index(out, "══ workspace us"), strings.Index(out, "══ workspace eu"); i < 0 || j < i {
		t.Errorf("table headings:\n%s", out)
	}
	code, _, errs = runSegdash(t, env, "scan", "-w", "all", "--format", "nagios")
	if code != cli.ExitUnknown || !strings.Contains(errs, "give one --workspace") {
		t.Errorf("nagios over several: %d %q", code, errs)
	}
	noCrossedKeys(t, us, eu)
}

func TestWorkspacesCommand(t *testing.T) {
	us, eu, env, path := twoWorkspaceEnv(t)
	if code, out, _ := runSegdash(t, env, "workspaces"); code != 0 || us.h.Requests("") != 0 || eu.h.Requests("") != 0 || !strings.Contains(out, "eu") {
		t.Errorf("workspaces without --check: exit %d, %d and %d requests\n%s", code, us.h.Requests(""), eu.h.Requests(""), out)
	}
	code, out, errs := runSegdash(t, env, "workspaces", "--check")
	if us.h.Requests("list") != 1 || eu.h.Requests("list") != 1 || us.h.Requests("") != 1 || eu.h.Requests("") != 1 {
		t.Errorf("--check costs one request per key: us %d, eu %d", us.h.Requests(""), eu.h.Requests(""))
	}
	if code != 0 || !strings.Contains(out, "us (default)") || !strings.Contains(out, "env EU_KEY") || strings.Count(out, " ok") != 2 {
		t.Errorf("workspaces --check: exit %d\n%s%s", code, out, errs)
	}
	_, cfgOut, _ := runSegdash(t, env, "config")
	if !strings.Contains(cfgOut, "workspace eu") || !regexp.MustCompile(`workspace in use +us +`+regexp.QuoteMeta(path)+`:1`).MatchString(cfgOut) {
		t.Errorf("config:\n%s", cfgOut)
	}
	for _, o := range []string{out, errs, cfgOut} {
		if strings.Contains(o, usKey) || strings.Contains(o, euKey) {
			t.Fatalf("a key was printed:\n%s", o)
		}
	}
	noCrossedKeys(t, us, eu)
	// A wrong key, a key without segments.list, and a server that is gone.
	env["EU_KEY"] = "not-eus-key"
	b, _ := os.ReadFile(path)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	noList := brazetest.NewHandler(brazetest.Options{Keys: map[string][]string{"limited": {"segments.data_series"}}})
	nl := httptest.NewServer(noList)
	defer nl.Close()
	env["LIMITED"] = "limited"
	extra := "  gone:\n    endpoint: " + dead.URL + "\n    api_key_env: EU_KEY\n" +
		"  limited:\n    endpoint: " + nl.URL + "\n    api_key_env: LIMITED\n"
	os.WriteFile(path, append(b, extra...), 0o600)
	code, out, _ = runSegdash(t, env, "workspaces", "--check")
	for _, want := range []string{"unauthorized", "unreachable", "forbidden"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	if code != 2 || strings.Contains(out, "not-eus-key") {
		t.Errorf("failed checks: exit %d\n%s", code, out)
	}
}

func TestDashboardSavesIntoItsWorkspace(t *testing.T) {
	_, _, env, _ := twoWorkspaceEnv(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the snapshots' dir (os.UserCacheDir)
	a := &app{getenv: func(k string) string { return env[k] }, now: time.Now}
	cfg, err := config.Resolve(config.Input{Getenv: a.getenv, Workspace: "eu"}, os.UserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	d := &dashFlags{}
	o, err := d.options(a, cfg, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(o.Source, "eu · ") {
		t.Errorf("title source %q", o.Source)
	}
	if err := o.SaveWatchlist("evening", []client.Segment{{ID: "11111111-2222-4333-8444-555555555555", Name: "x"}}); err != nil {
		t.Fatal(err)
	}
	eu, _ := cfg.Select("eu")
	again, err := config.Resolve(config.Input{Getenv: a.getenv, Workspace: "eu"}, os.UserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.Watchlist("evening"); err != nil {
		t.Errorf("eu's saved watchlist: %v (before: %v)", err, eu.Watchlists)
	}
	us, _ := again.Select("us")
	if _, err := us.Watchlist("evening"); err == nil {
		t.Error("eu's watchlist appears in us")
	}
	if _, err := us.Watchlist("morning"); err != nil {
		t.Errorf("us's own watchlist lost: %v", err)
	}
	// Each workspace keeps its own snapshot for the next start.
	if p, q := config.SnapshotStore(us, time.Now).Path(), config.SnapshotStore(eu, time.Now).Path(); p == q {
		t.Errorf("us and eu share the snapshot %s", p)
	}
}

// TestScanConfigsShareOneBase: `scan -w all` reads the file once and every
// workspace selected shares it, so that memory grows with the number of
// workspaces, not with its square; unknown names stay usage errors.
func TestScanConfigsShareOneBase(t *testing.T) {
	_, _, env, _ := twoWorkspaceEnv(t)
	reads := 0
	a := &app{in: strings.NewReader(""), out: io.Discard, errw: io.Discard, now: time.Now,
		getenv: func(k string) string {
			if k == "SEGDASH_CONFIG" {
				reads++
			}
			return env[k]
		}}
	root := a.newRootCmd()
	scan, _, err := root.Find([]string{"scan"})
	if err != nil {
		t.Fatal(err)
	}
	if err := scan.ParseFlags([]string{"-w", "all"}); err != nil {
		t.Fatal(err)
	}
	cfgs, err := a.scanConfigs(scan)
	if err != nil || len(cfgs) != 2 || cfgs[0].Workspace != "us" || cfgs[1].Workspace != "eu" {
		t.Fatalf("%v %+v", err, cfgs)
	}
	if reads != 1 {
		t.Errorf("the configuration was resolved %d times for 2 workspaces, want once", reads)
	}
	if &cfgs[0].Workspaces[0] != &cfgs[1].Workspaces[0] {
		t.Error("each workspace holds its own copy of every workspace")
	}
	if cfgs[0].Sources["workspace"] != "flag --workspace" || cfgs[0].APIKey != usKey || cfgs[1].APIKey != euKey {
		t.Errorf("sources %v, keys %q %q", cfgs[0].Sources["workspace"], cfgs[0].APIKey, cfgs[1].APIKey)
	}
	scan, _, _ = a.newRootCmd().Find([]string{"scan"})
	if err := scan.ParseFlags([]string{"-w", "us", "-w", "nope"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.scanConfigs(scan); cli.CodeOf(err) != cli.ExitError || !strings.Contains(fmt.Sprint(err), "the workspaces are: us, eu") {
		t.Errorf("unknown workspace: %v", err)
	}
}
