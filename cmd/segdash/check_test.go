package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
	"github.com/segdash/segdash/ui/output"
)

var testNow = time.Date(2026, 11, 16, 14, 30, 0, 0, time.UTC)

// apiEnv serves a stand-in on loopback with a fixed clock and returns the
// handler and an environment pointing segdash at it.
func apiEnv(t *testing.T, o brazetest.Options) (*brazetest.Handler, map[string]string) {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if o.Workspace == nil {
		o.Workspace = brazetest.NewWorkspace(42, 300)
	}
	h := brazetest.NewHandler(o)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, map[string]string{"BRAZE_REST_ENDPOINT": srv.URL, "BRAZE_API_KEY": brazetest.DemoKey}
}

// runSegdash runs the command in-process and returns exit code and output.
func runSegdash(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return runSegdashAt(t, time.Now, env, args...)
}

// runSegdashAt is runSegdash with segdash's clock set to now (the
// stand-in's is testNow), for windows whose days segdash computes itself.
func runSegdashAt(t *testing.T, now func() time.Time, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	home := t.TempDir() // no config file of the machine's user leaks in
	a := &app{in: strings.NewReader(""), out: &out, errw: &errb, now: now,
		getenv: func(k string) string {
			if v, ok := env[k]; ok || k != "XDG_CONFIG_HOME" {
				return v
			}
			return home
		}}
	code := a.run(context.Background(), args)
	return code, out.String(), errb.String()
}

func tracked(h *brazetest.Handler, n int) []*brazetest.SegmentSpec {
	var out []*brazetest.SegmentSpec
	names := map[string]int{}
	for _, s := range h.Workspace().Segments {
		names[strings.ToLower(s.Name)]++
	}
	for _, s := range h.Workspace().Segments {
		if s.Tracked && !s.Archived && names[strings.ToLower(s.Name)] == 1 && !strings.ContainsAny(s.Name, "\x1b") {
			out = append(out, s)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

func TestCheckFormats(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	segs := tracked(h, 2)
	a, b := segs[0], segs[1]

	code, out, errs := runSegdash(t, env, "check", "--format", "json", "--length", "7", a.ID, strings.ToUpper(b.Name))
	if code != 0 {
		t.Fatalf("json: exit %d, %s", code, errs)
	}
	var js struct {
		Segments []struct {
			SegmentID   string `json:"segment_id"`
			SegmentName string `json:"segment_name"`
			Latest      struct {
				Date string
				Size int64
			}
			Points []struct {
				Date string
				Size int64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(js.Segments) != 2 || js.Segments[0].SegmentID != a.ID || js.Segments[1].SegmentName != b.Name {
		t.Fatalf("json segments: %+v", js.Segments)
	}
	p := js.Segments[0].Points
	if len(p) != 7 || p[6].Date != "2026-11-15" || p[0].Date != "2026-11-09" {
		t.Errorf("json points: %+v", p)
	}
	if js.Segments[0].Latest.Size != p[6].Size || p[6].Size == 0 {
		t.Errorf("latest %+v vs %+v", js.Segments[0].Latest, p[6])
	}

	code, out, _ = runSegdash(t, env, "check", "--format", "csv", "--length", "5", a.ID, b.ID)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 11 {
		t.Fatalf("csv: exit %d, %v, %d rows", code, err, len(rows))
	}
	if strings.Join(rows[0], ",") != "segment_id,segment_name,date,size" || rows[1][0] != a.ID || rows[1][1] != a.Name || rows[5][2] != "2026-11-15" {
		t.Errorf("csv rows: %v", rows[:6])
	}

	code, out, _ = runSegdash(t, env, "check", "--format", "spark", a.ID, b.ID)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], a.Name) || !strings.ContainsAny(lines[0], "▁▂▃▄▅▆▇█") || !strings.Contains(lines[0], "%") {
		t.Errorf("spark: exit %d\n%s", code, out)
	}

	code, out, _ = runSegdash(t, env, "check", "--format", "nagios", a.ID, b.ID)
	if code != 0 || !strings.HasPrefix(out, "SEGDASH OK - 2 segments within thresholds | '"+a.Name+"'=") {
		t.Errorf("nagios: exit %d\n%s", code, out)
	}

	code, out, _ = runSegdash(t, env, "check", "--ending-at", "2026-10-01", a.ID)
	if code != 0 || !strings.Contains(out, a.Name) || !strings.Contains(out, "Sep 30") || !strings.Contains(out, "┤") || strings.Contains(out, "\x1b") {
		t.Errorf("chart: exit %d\n%s", code, out)
	}
}

func TestCheckThresholds(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	s := tracked(h, 1)[0]
	latest := s.SizeOn(dateOf(testNow).AddDays(-1))
	first := s.SizeOn(dateOf(testNow).AddDays(-30))
	drop := float64(first-latest) / float64(first) * 100

	if code, _, errs := runSegdash(t, env, "check", "--format", "spark", "--min", itoa64(latest), s.ID); code != 0 {
		t.Errorf("--min at the latest size: exit %d %s", code, errs)
	}
	code, _, errs := runSegdash(t, env, "check", "--format", "spark", "--min", itoa64(latest+1), s.ID)
	if code != 1 || !strings.Contains(errs, "BREACH") || !strings.Contains(errs, s.ID) || !strings.Contains(errs, output.Grouped(latest)) {
		t.Errorf("--min above the latest size: exit %d, %q", code, errs)
	}
	// A drop threshold just below the actual drop breaches (when it fell),
	// one just above does not.
	if drop > 0.2 {
		code, _, errs = runSegdash(t, env, "check", "--format", "spark", "--max-drop", ftoa(drop-0.1), s.ID)
		if code != 1 || !strings.Contains(errs, "fell") {
			t.Errorf("--max-drop below the drop %.2f: exit %d %q", drop, code, errs)
		}
	}
	if code, _, errs := runSegdash(t, env, "check", "--format", "spark", "--max-drop", ftoa(max(drop, 0)+0.1), s.ID); code != 0 {
		t.Errorf("--max-drop above the drop %.2f: exit %d %q", drop, code, errs)
	}
	code, out, _ := runSegdash(t, env, "check", "--format", "json", "--min", itoa64(latest+1), s.ID)
	if code != 1 || !strings.Contains(out, "below --min") {
		t.Errorf("json breaches: exit %d\n%s", code, out)
	}
}

func TestCheckUsageAndAPIErrors(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	s := tracked(h, 1)[0]
	dup := h.Workspace().Segments[3].Name
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "at least one SEGMENT"},
		{[]string{"check", "--length", "0", s.ID}, "1..365"},
		{[]string{"check", "--length", "366", s.ID}, "1..365"},
		{[]string{"check", "--format", "xml", s.ID}, "chart, spark, json, csv, nagios"},
		{[]string{"check", "--ending-at", "tomorrow", s.ID}, "--ending-at"},
		{[]string{"check", "--max-drop", "120", s.ID}, "0 to 100"},
		{[]string{"check", "--min", "-5", s.ID}, "--min"},
		{[]string{"check", "--bogus", s.ID}, "unknown flag"},
		{[]string{"check", "No Such Segment"}, "no segment has the id or name"},
		{[]string{"check", dup}, "ambiguous"},
		{[]string{"check", "--concurrency", "0", s.ID}, "--concurrency"},
	}
	for _, tc := range cases {
		code, _, errs := runSegdash(t, env, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	h.SetFault(brazetest.Fault{Status: 403})
	// --fresh: the listing the runs above saved would answer without
	// asking the API, and this is about the API refusing the listing.
	code, _, errs := runSegdash(t, env, "--fresh", "check", s.ID)
	if code != 2 || !strings.Contains(errs, "segments.list") {
		t.Errorf("403: exit %d %q", code, errs)
	}
	h.SetFault(brazetest.Fault{})
	h.SetSegmentFault(s.ID, brazetest.Fault{Status: 400, Message: "segment_id must be valid"})
	code, _, errs = runSegdash(t, env, "check", s.ID)
	if code != 2 || !strings.Contains(errs, "segment_id must be valid") || !strings.Contains(errs, s.ID) {
		t.Errorf("400: exit %d %q", code, errs)
	}
}

func TestCheckConfigErrorsAndKeySecrecy(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{})
	env["BRAZE_API_KEY"] = "a-wrong-and-secret-key"
	code, out, errs := runSegdash(t, env, "check", "anything")
	if code != 2 || !strings.Contains(errs, "unauthorized") || strings.Contains(out+errs, "a-wrong-and-secret-key") {
		t.Errorf("401: exit %d, %q %q", code, out, errs)
	}
	code, _, errs = runSegdash(t, map[string]string{"BRAZE_API_KEY": "k"}, "check", "x")
	if code != 2 || !strings.Contains(errs, "no endpoint") {
		t.Errorf("no endpoint: %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, map[string]string{"BRAZE_REST_ENDPOINT": "US-03"}, "check", "x")
	if code != 2 || !strings.Contains(errs, "no API key") {
		t.Errorf("no key: %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, map[string]string{"BRAZE_API_KEY": "k", "BRAZE_REST_ENDPOINT": "http://rest.iad-03.braze.com"}, "check", "x")
	if code != 2 || !strings.Contains(errs, "loopback") {
		t.Errorf("plain http: %d %q", code, errs)
	}
	code, _, errs = runSegdash(t, map[string]string{"BRAZE_REST_ENDPOINT": "US-03"}, "check", "--api-key-file", "/nonexistent/key", "x")
	if code != 2 || !strings.Contains(errs, "--api-key-file") {
		t.Errorf("missing key file: %d %q", code, errs)
	}
}

func TestCheckDemo(t *testing.T) {
	code, out, errs := runSegdash(t, map[string]string{}, "check", "--format", "spark", "VIP")
	if code != 0 || !strings.Contains(errs, "demo data") || !strings.HasPrefix(out, "VIP") {
		t.Errorf("demo: exit %d, %q, %q", code, out, errs)
	}
}

func TestCheckControlCharactersInNames(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	evil := h.Workspace().Segments[19]
	for _, format := range []string{"chart", "spark", "json"} {
		code, out, errs := runSegdash(t, env, "check", "--format", format, evil.ID)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", format, code, errs)
		}
		if strings.ContainsAny(out+errs, "\x1b\x07") {
			t.Errorf("%s: raw control characters reached the output: %q", format, out)
		}
	}
	// JSON keeps the name losslessly, escaped.
	_, out, _ := runSegdash(t, env, "check", "--format", "json", evil.ID)
	if !strings.Contains(out, `\u001b[31mred`) {
		t.Errorf("json name not escaped losslessly: %s", out)
	}
}

func TestCheckByIDDoesNotListTheWorkspace(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, 3000)})
	segs := tracked(h, 2)
	code, out, errs := runSegdash(t, env, "check", "--format", "csv", segs[0].ID, segs[1].ID)
	if code != 0 || !strings.Contains(out, ","+segs[1].Name+",") {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	if h.Requests("list") != 0 || h.Requests("details") != 2 || h.Requests("data_series") != 2 {
		t.Errorf("requests: list %d, details %d, series %d; want 0, 2, 2", h.Requests("list"), h.Requests("details"), h.Requests("data_series"))
	}
	code, _, errs = runSegdash(t, env, "check", "00000000-0000-4000-8000-000000000000")
	if code != 2 || !strings.Contains(errs, `no segment has the id "00000000-0000-4000-8000-000000000000"`) {
		t.Errorf("unknown id: %d %q", code, errs)
	}
	// A key without segments.details falls back to listing.
	h2, env2 := apiEnv(t, brazetest.Options{Keys: map[string][]string{brazetest.DemoKey: {"segments.list", "segments.data_series"}}})
	s2 := tracked(h2, 1)[0]
	code, out, errs = runSegdash(t, env2, "check", "--format", "spark", s2.ID)
	if code != 0 || !strings.Contains(out, s2.Name) || h2.Requests("list") == 0 {
		t.Errorf("fallback: exit %d, list requests %d, %s %s", code, h2.Requests("list"), out, errs)
	}
}

// TestCheckReportsTheSegmentsItCannotCheck: one untracked or unknown
// segment among five: the other four are printed, the bad one is reported
// on stderr, and the exit status is 2.
func TestCheckReportsTheSegmentsItCannotCheck(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	good := tracked(h, 4)
	var untracked *brazetest.SegmentSpec
	for _, s := range h.Workspace().Segments {
		if !s.Tracked && !s.Archived && !strings.ContainsAny(s.Name, "\x1b") {
			untracked = s
			break
		}
	}
	if untracked == nil {
		t.Fatal("the stand-in has no untracked segment")
	}
	for _, bad := range []struct{ arg, want string }{
		{untracked.Name, "analytics tracking is off"},
		{"No Such Segment", "no segment has the id or name"},
	} {
		args := []string{"check", "--format", "spark", good[0].Name, good[1].Name, bad.arg, good[2].Name, good[3].Name}
		code, out, errs := runSegdash(t, env, args...)
		if code != 2 || !strings.Contains(errs, bad.want) || !strings.Contains(errs, "1 of 5 segments could not be checked") {
			t.Errorf("%s: exit %d, stderr %q", bad.arg, code, errs)
		}
		for _, g := range good {
			if !strings.Contains(out, g.Name) {
				t.Errorf("%s: %q not printed:\n%s", bad.arg, g.Name, out)
			}
		}
		if strings.Contains(out, bad.arg) {
			t.Errorf("the bad segment %q was printed:\n%s", bad.arg, out)
		}
	}
}

// TestCheckByIDWarnsOnAllZeros: a segment checked by id is named through
// /segments/details, which does not say whether tracking is on; when its
// sizes are all 0 (the stand-in answers so for an untracked segment), a
// warning says what that may mean. A tracked segment gets no warning.
func TestCheckByIDWarnsOnAllZeros(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	var untracked *brazetest.SegmentSpec
	for _, s := range h.Workspace().Segments {
		if !s.Tracked && !s.Archived {
			untracked = s
			break
		}
	}
	if untracked == nil {
		t.Fatal("the stand-in has no untracked segment")
	}
	_, _, errs := runSegdash(t, env, "check", untracked.ID)
	if !strings.Contains(errs, "every size in the window is 0") || !strings.Contains(errs, "analytics tracking is off") {
		t.Errorf("check of an untracked segment by id: stderr %q", errs)
	}
	good := tracked(h, 1)[0]
	if code, _, errs := runSegdash(t, env, "check", good.ID); code != 0 || strings.Contains(errs, "every size") {
		t.Errorf("check of a tracked segment by id: exit %d, stderr %q", code, errs)
	}
}

// TestCheckYoungSegment: a segment created ten days ago, checked over 30
// days, changed from its first size (not +∞ % from the zeros before it
// existed), and --max-drop measures its fall from that first size.
func TestCheckYoungSegment(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	yesterday := client.DateOf(testNow).AddDays(-1)
	var young *brazetest.SegmentSpec
	for _, s := range ws.Listed() {
		if s.Tracked && s.SizeOn(yesterday) >= 2000 {
			young = s
			break
		}
	}
	young.CreatedAt = yesterday.AddDays(-9).Time().Add(9 * time.Hour)
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	code, out, errs := runSegdash(t, env, "check", "--format", "json", "--max-drop", "0", young.ID)
	first, last := young.SizeOn(yesterday.AddDays(-9)), young.SizeOn(yesterday)
	if want := fmt.Sprintf(`"change": %d,`, last-first); !strings.Contains(out, want) {
		t.Fatalf("no %s (from the first day with data) in:\n%s", want, out)
	}
	if first > last && (code != cli.ExitBreach || !strings.Contains(errs, "over 10 days")) {
		t.Errorf("a fall from %d to %d over its 10 days: exit %d, stderr %q", first, last, code, errs)
	}
	if first <= last && code != 0 {
		t.Errorf("a rise from %d to %d: exit %d, stderr %q", first, last, code, errs)
	}
}

// TestCheckSuggestsWhatItAccepts: a name with a typo gets the name meant
// (by edit distance, not only substrings), and every suggestion is itself
// accepted by check, even for a name that prints differently from what it
// holds (the suggestion is then its id).
func TestCheckSuggestsWhatItAccepts(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	s := tracked(h, 1)[0]
	typo := s.Name[:3] + s.Name[4:] // one letter left out
	_, _, errs := runSegdash(t, env, "check", typo)
	if !strings.Contains(errs, "did you mean: ") || !strings.Contains(errs, fmt.Sprintf("%q", s.Name)) {
		t.Errorf("check %q: stderr %q; want a suggestion of %q", typo, errs, s.Name)
	}
	quoted := regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	for _, ref := range []string{typo, "Imported red list", "red list"} {
		_, _, errs := runSegdash(t, env, "check", ref)
		_, sugg, ok := strings.Cut(errs, "did you mean: ")
		if !ok {
			t.Errorf("check %q: no suggestion: %q", ref, errs)
			continue
		}
		for _, q := range quoted.FindAllString(strings.SplitN(sugg, "\n", 2)[0], -1) {
			arg, err := strconv.Unquote(q)
			if err != nil {
				t.Fatal(err)
			}
			if code, _, errs := runSegdash(t, env, "check", "--format", "spark", arg); strings.Contains(errs, "no segment has") {
				t.Errorf("check %q suggests %s, which check refuses: exit %d %q", ref, q, code, errs)
			}
		}
	}
}

// TestCheckToAFileIsNeverCut: output that is not a terminal keeps long
// names whole, in the spark lines and the chart's header.
func TestCheckToAFileIsNeverCut(t *testing.T) {
	ws := brazetest.NewWorkspace(42, 300)
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	var long *brazetest.SegmentSpec
	for _, sp := range ws.Listed() {
		if sp.Tracked && !strings.ContainsAny(sp.Name, "\x1b") {
			long = sp
			break
		}
	}
	long.Name += " with a name far longer than the forty cells a terminal line gives it"
	for _, format := range []string{"spark", "chart"} {
		code, out, errs := runSegdash(t, env, "check", "--format", format, long.ID)
		if code != 0 || !strings.Contains(out, long.Name) || strings.Contains(out, "…") {
			t.Errorf("%s: exit %d, stderr %q, the name cut:\n%s", format, code, errs, out)
		}
	}
}
