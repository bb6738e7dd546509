package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// brokenWorkspace is the stand-in with breaks planted on the day before
// testNow, and their ids.
func brokenWorkspace() (*brazetest.Workspace, []string) {
	ws := brazetest.NewWorkspace(42, 300)
	falls, jumps := ws.PlantBreaks(client.DateOf(testNow).AddDays(-1))
	return ws, append(falls, jumps...)
}

type scanDoc struct {
	Total    int           `json:"total"`
	Scanned  int           `json:"scanned"`
	Missing  int           `json:"missing"`
	Segments []monitor.Row `json:"segments"`
}

func TestScanFindsBreaks(t *testing.T) {
	ws, planted := brokenWorkspace()
	h, env := apiEnv(t, brazetest.Options{Workspace: ws})
	code, out, errs := runSegdash(t, env, "scan", "--format", "json")
	if code != cli.ExitBreach {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc scanDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var flagged []string
	for _, r := range doc.Segments {
		if r.Anomaly {
			flagged = append(flagged, r.SegmentID)
		}
	}
	slices.Sort(flagged)
	slices.Sort(planted)
	if !slices.Equal(flagged, planted) || doc.Total != len(ws.Listed()) || doc.Missing != 0 {
		t.Errorf("flagged %v, planted %v; total %d missing %d", flagged, planted, doc.Total, doc.Missing)
	}
	// Sorted by score: the anomalies come first.
	for i, r := range doc.Segments[:len(planted)] {
		if !r.Anomaly {
			t.Errorf("row %d is not an anomaly: %+v", i, r)
		}
	}
	if !strings.Contains(errs, "requests, <1% of the hourly 250,000") {
		t.Errorf("no cost line: %q", errs)
	}
	tracked := 0
	for _, s := range ws.Listed() {
		if s.Tracked {
			tracked++
		}
	}
	if got := h.Requests("data_series"); got != int64(tracked) {
		t.Errorf("%d series requests for %d tracked segments", got, tracked)
	}
	if strings.Contains(out+errs, brazetest.DemoKey) {
		t.Error("the key reached the output")
	}
}

func TestScanRulesAndScopes(t *testing.T) {
	ws, _ := brokenWorkspace()
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	seg := ws.Listed()[1]
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	text := "watchlists:\n  mine: [" + seg.ID + "]\nrules:\n  - name: huge floor\n    watchlist: mine\n    below: 999_999_999_999\n"
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env["SEGDASH_CONFIG"] = cfg
	code, out, errs := runSegdash(t, env, "scan", "--watch", "mine", "--format", "csv")
	if code != cli.ExitBreach || strings.Count(out, "\n") != 2 || !strings.Contains(out, "huge floor: size") || !strings.Contains(out, "is below 999,999,999,999\"\n") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runSegdash(t, env, "scan", "--tag", "vip", "--format", "table")
	if code == cli.ExitError || !strings.Contains(out, "scan of tag vip:") {
		t.Errorf("tag scan: exit %d\n%s", code, out)
	}
	code, out, _ = runSegdash(t, env, "scan", "--format", "nagios")
	if code != cli.ExitBreach || !strings.HasPrefix(out, "SEGDASH WARNING - ") {
		t.Errorf("nagios: exit %d %q", code, out)
	}
	for _, args := range [][]string{
		{"scan", "--format", "yaml"}, {"scan", "--tag", "a", "--watch", "b"}, {"scan", "--tag", "no-such-tag"},
		{"scan", "--sort", "size"}, {"scan", "--length", "500"}, {"scan", "--watch", "nope"}, {"scan", "extra"},
	} {
		if code, _, errs := runSegdash(t, env, args...); code != cli.ExitError || !strings.HasPrefix(errs, "segdash: ") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}

func TestScanPartialFailure(t *testing.T) {
	ws, _ := brokenWorkspace()
	h, env := apiEnv(t, brazetest.Options{Workspace: ws})
	bad := tracked(h, 1)[0]
	h.SetSegmentFault(bad.ID, brazetest.Fault{Status: 400})
	code, out, errs := runSegdash(t, env, "scan", "--format", "json")
	if code != cli.ExitError || !strings.Contains(errs, "1 of ") || !strings.Contains(errs, "could not be scanned") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var doc scanDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Missing != 1 || doc.Scanned != doc.Total {
		t.Fatalf("partial output %v %+v", err, doc)
	}
	for _, r := range doc.Segments {
		if (r.SegmentID == bad.ID) != (r.Status == monitor.StatusFailed) {
			t.Errorf("%s: status %q", r.SegmentID, r.Status)
		}
	}
}

func TestScanDemo(t *testing.T) {
	code, out, errs := runSegdash(t, map[string]string{}, "scan", "--top", "3")
	if code != cli.ExitBreach || !strings.Contains(errs, "DEMO") || !strings.Contains(out, "ALERTS (7)") || !strings.Contains(out, "INCIDENTS (1)\n  3 segments tagged ") {
		t.Errorf("demo scan: exit %d\n%s\n%s", code, out, errs)
	}
}

// TestScanWarnsOfRulesThatMatchNothing: a rule whose segments or watchlist
// match no segment never fires; scan says so instead of skipping it.
func TestScanWarnsOfRulesThatMatchNothing(t *testing.T) {
	ws, _ := brokenWorkspace()
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	text := "watchlists:\n  w: [Gone Segment]\nrules:\n  - name: s\n    segments: [Gone Segment]\n    below: 1\n  - name: r\n    watchlist: w\n    below: 1\n"
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	env["SEGDASH_CONFIG"] = cfg
	_, out, errs := runSegdash(t, env, "scan", "--format", "json")
	for _, want := range []string{`rule \"s\" (segments): no segment has the id or name \"Gone Segment\"`, `rule \"r\" (watchlist \"w\")`} {
		if !strings.Contains(out, want) {
			t.Errorf("json warnings lack %s:\n%.600s", want, out)
		}
	}
	if strings.Count(errs, "segdash: warning: rule") != 2 {
		t.Errorf("stderr: %q", errs)
	}
}

func TestEndingAtInTheFutureIsRefused(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{})
	for _, args := range [][]string{{"check", "--ending-at", "2099-01-01", "VIP"}, {"scan", "--ending-at", "2099-01-01"}} {
		code, _, errs := runSegdash(t, env, args...)
		if code != cli.ExitError || !strings.Contains(errs, "is in the future") {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
}

// TestEndingAtBeforeBrazeIsRefused: an --ending-at before 2011 (0001-01-01
// is Go's zero time, which means "now") is refused, not read as now.
func TestEndingAtBeforeBrazeIsRefused(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{})
	for _, args := range [][]string{{"check", "--ending-at", "0001-01-01", "VIP"}, {"scan", "--ending-at", "2010-12-31"}} {
		code, out, errs := runSegdash(t, env, args...)
		if code != cli.ExitError || !strings.Contains(errs, "Braze has no data that old") || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestScanCostLinesNameTheWorkspace: scanning several workspaces, each
// cost line on stderr says which workspace it is about; scanning one, the
// line is as it always was.
func TestScanCostLinesNameTheWorkspace(t *testing.T) {
	_, _, env, _ := twoWorkspaceEnv(t)
	costLines := func(args ...string) []string {
		_, _, errs := runSegdash(t, env, append([]string{"scan", "--format", "json"}, args...)...)
		var out []string
		for _, l := range strings.Split(errs, "\n") {
			if strings.Contains(l, "scanning") {
				out = append(out, l)
			}
		}
		return out
	}
	costs := costLines("-w", "all")
	if len(costs) != 2 || !strings.HasPrefix(costs[0], "segdash: workspace us: scanning 40 segments: ") ||
		!strings.HasPrefix(costs[1], "segdash: workspace eu: scanning 25 segments: ") {
		t.Errorf("cost lines of two workspaces: %q", costs)
	}
	if costs = costLines("-w", "eu"); len(costs) != 1 || !strings.HasPrefix(costs[0], "segdash: scanning 25 segments: ") {
		t.Errorf("cost line of one workspace: %q", costs)
	}
}

// TestScanTagIgnoresCase: tags compare without case, as names do.
func TestScanTagIgnoresCase(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{})
	code, out, errs := runSegdash(t, env, "scan", "--tag", "RETENTION", "--format", "json")
	var doc scanDoc
	if err := json.Unmarshal([]byte(out), &doc); code == cli.ExitError || err != nil || doc.Total == 0 {
		t.Errorf("--tag RETENTION: exit %d, %v, %d segments, stderr %q", code, err, doc.Total, errs)
	}
}

// TestScanToAFileIsNeverCut: output that is not a terminal has no width
// to fit, so no name, score or reason is cut: every score the JSON gives
// is printed whole in the table.
func TestScanToAFileIsNeverCut(t *testing.T) {
	ws, _ := brokenWorkspace()
	for _, s := range ws.Segments[:40] {
		s.Name += " with a name far longer than any terminal column would hold"
	}
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	_, table, _ := runSegdash(t, env, "scan", "--top", "300")
	_, js, _ := runSegdash(t, env, "scan", "--format", "json")
	var doc scanDoc
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(table, "…") {
		t.Errorf("the table cuts text:\n%s", table)
	}
	for _, r := range doc.Segments {
		if r.Anomaly && !strings.Contains(table, "!"+strconv.FormatFloat(r.Score, 'f', 1, 64)) {
			t.Errorf("score %.1f of %q not in the table", r.Score, r.SegmentName)
		}
	}
}

// TestScanSaysItWaitsForTheRateLimit: a scan that uses up the key's hour
// says so and until when it waits, gives no segment up for it, and when
// --timeout ends the wait, reports the rest as not reached.
func TestScanSaysItWaitsForTheRateLimit(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{RateLimit: 12, Now: time.Now})
	code, out, errs := runSegdash(t, env, "scan", "--format", "json", "--timeout", "2s")
	if code != cli.ExitError {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if n := strings.Count(errs, "rate limited (HTTP 429): waiting until "); n != 1 {
		t.Errorf("told %d times of the wait:\n%s", n, errs)
	}
	var doc struct {
		scanDoc
		Failed int `json:"failed"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Failed != 0 || doc.Scanned == 0 || doc.Missing == 0 || doc.Scanned+doc.Missing != doc.Total {
		t.Errorf("scanned %d, failed %d, missing %d of %d: want none given up for the limit", doc.Scanned, doc.Failed, doc.Missing, doc.Total)
	}
}
