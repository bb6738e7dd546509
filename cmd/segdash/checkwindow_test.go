package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// TestCheckLongWindow: --length 365 is stitched from 100-day chunks, with
// every day once and in order, and its chart labels months with the year.
func TestCheckLongWindow(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	clock := func() time.Time { return testNow }
	last := dateOf(testNow).AddDays(-1)
	var s *brazetest.SegmentSpec
	for _, c := range tracked(h, 100) {
		if c.CreatedAt.Before(last.AddDays(-364).Time()) {
			s = c // older than the window: data on every day
			break
		}
	}
	if s == nil {
		t.Fatal("no tracked segment older than a year")
	}
	code, out, errs := runSegdashAt(t, clock, env, "check", "--format", "json", "--length", "365", s.ID)
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	var js struct {
		Segments []struct {
			Length int
			Points []struct {
				Date client.Date
				Size int64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || len(js.Segments) != 1 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	p := js.Segments[0].Points
	if len(p) != 365 || js.Segments[0].Length != 365 || p[364].Date != last || p[0].Date != last.AddDays(-364) {
		t.Fatalf("want 365 days to %s, got %d (length %d)", last, len(p), js.Segments[0].Length)
	}
	for i := range p {
		if p[i].Date != last.AddDays(i-364) || p[i].Size != s.SizeOn(p[i].Date) {
			t.Fatalf("day %d: %+v, want %s of size %d", i, p[i], last.AddDays(i-364), s.SizeOn(last.AddDays(i-364)))
		}
	}
	if n := h.Requests("data_series"); n < 4 || n > 5 {
		t.Errorf("365 days took %d requests; want 4 or 5 (one per 100-day chunk)", n)
	}
	code, out, errs = runSegdashAt(t, clock, env, "check", "--length", "365", s.ID)
	if code != 0 || !strings.Contains(out, "Jan 2026") || !strings.Contains(out, "over 365 days") {
		t.Errorf("chart: exit %d %s\n%s", code, errs, out)
	}
}

// TestScanLongWindow: scan's --length reaches 365 days too (the config's
// length setting, 1..100, does not judge the command's own flag).
func TestScanLongWindow(t *testing.T) {
	_, env := apiEnv(t, brazetest.Options{Workspace: brazetest.NewWorkspace(42, 20)})
	code, out, errs := runSegdash(t, env, "scan", "--length", "365", "--format", "csv")
	if code == cli.ExitError || strings.Contains(errs, "--length") || !strings.HasPrefix(out, "segment_id") {
		t.Errorf("exit %d %q\n%s", code, errs, out)
	}
}
