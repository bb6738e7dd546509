package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/cli"
)

// scanJSONDoc is what these tests read of scan's JSON.
type scanJSONDoc struct {
	SchemaVersion int `json:"schema_version"`
	Incidents     []struct {
		Workspace string              `json:"workspace"`
		Direction string              `json:"direction"`
		Segments  []map[string]string `json:"segments"`
	} `json:"incidents"`
	Segments []struct {
		Workspace string          `json:"workspace"`
		SegmentID string          `json:"segment_id"`
		Alerts    []monitor.Alert `json:"alerts"`
	} `json:"segments"`
}

func decodeScan(t *testing.T, out string) scanJSONDoc {
	t.Helper()
	var doc scanJSONDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return doc
}

// TestScanIncidents: segments that broke together on one day, the same
// way, are one incident: first in the table, top-level in JSON, one item
// of the Nagios line.
func TestScanIncidents(t *testing.T) {
	ws, planted := brokenWorkspace() // falls and jumps, half and half, on one day
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	half := len(planted) / 2
	code, out, _ := runSegdash(t, env, "scan", "--format", "json", "--incident-min", "2")
	doc := decodeScan(t, out)
	if code != cli.ExitBreach || doc.SchemaVersion != 1 || len(doc.Incidents) != 2 || doc.Incidents[0].Workspace != "default" ||
		len(doc.Incidents[0].Segments) != half || doc.Incidents[0].Segments[0]["segment_id"] == "" ||
		doc.Incidents[0].Direction == doc.Incidents[1].Direction {
		t.Errorf("exit %d, incidents %+v", code, doc.Incidents)
	}
	fell := fmt.Sprintf("%d segments fell", half)
	_, out, _ = runSegdash(t, env, "scan", "--incident-min", "2")
	inc, alerts := strings.Index(out, "\nINCIDENTS (2)\n"), strings.Index(out, "\nALERTS (")
	if inc < 0 || alerts < inc || !strings.Contains(out, fell) {
		t.Errorf("table:\n%s", out)
	}
	_, out, _ = runSegdash(t, env, "scan", "--format", "nagios", "--incident-min", "2")
	if !strings.Contains(strings.SplitN(out, "\n", 2)[0], fell) {
		t.Errorf("nagios: %q", out)
	}
	// Above the number that moved together: separate alerts.
	_, out, _ = runSegdash(t, env, "scan", "--format", "json", "--incident-min", fmt.Sprint(half+1))
	if doc := decodeScan(t, out); len(doc.Incidents) != 0 {
		t.Errorf("--incident-min %d: %+v", half+1, doc.Incidents)
	}
	if code, _, _ := runSegdash(t, env, "scan", "--incident-min", "1"); code != cli.ExitError {
		t.Errorf("--incident-min 1: exit %d", code)
	}
}

// TestScanSilences: silenced alerts are shown as silenced, in the table and
// in JSON, and change neither the exit code nor the Nagios state.
func TestScanSilences(t *testing.T) {
	ws, planted := brokenWorkspace()
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	// silencesFile is a config file that silences every segment until
	// the day days from now.
	silencesFile := func(days int, reason string) string {
		var b strings.Builder
		b.WriteString("silences:\n")
		for _, s := range ws.Listed() {
			fmt.Fprintf(&b, "  - segment: %s\n    until: %s\n    reason: %s\n", s.ID, client.DateOf(testNow).AddDays(days), reason)
		}
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	expired, silenced := silencesFile(-400, "long over"), silencesFile(30, "the import moved")
	if code, _, _ := runSegdash(t, env, "scan", "--config", expired); code != cli.ExitBreach {
		t.Errorf("an expired silence silenced: exit %d", code)
	}
	code, out, errs := runSegdash(t, env, "scan", "--config", silenced, "--format", "json")
	doc := decodeScan(t, out)
	marked := 0
	for _, r := range doc.Segments {
		for _, a := range r.Alerts {
			if !strings.HasPrefix(a.Silenced, "silenced until ") {
				t.Errorf("alert not silenced: %+v", a)
			}
			marked++
		}
	}
	if code != cli.ExitOK || marked == 0 {
		t.Errorf("exit %d, %d silenced alerts (%q)", code, marked, errs)
	}
	code, out, _ = runSegdash(t, env, "scan", "--config", silenced, "--format", "nagios")
	if code != cli.ExitOK || !strings.HasPrefix(out, "SEGDASH OK - ") || !strings.Contains(out, " silenced)") || !strings.Contains(out, "\nSILENCED ") {
		t.Errorf("nagios: exit %d %q", code, out)
	}
	_, out, _ = runSegdash(t, env, "scan", "--config", silenced)
	head, _, _ := strings.Cut(out, "\n")
	if !strings.Contains(out, "(silenced until ") || !strings.Contains(head, fmt.Sprintf("0 alerted · %d silenced", len(planted))) {
		t.Errorf("table does not mark silenced alerts:\n%s", out)
	}
}

// TestScanPrometheusToAFile: --format prometheus --output FILE writes text
// the Prometheus parser reads, with a workspace label, atomically.
func TestScanPrometheusToAFile(t *testing.T) {
	ws, planted := brokenWorkspace()
	_, env := apiEnv(t, brazetest.Options{Workspace: ws})
	path := filepath.Join(t.TempDir(), "segdash.prom")
	code, out, errs := runSegdash(t, env, "scan", "--format", "prometheus", "--output", path)
	if code != cli.ExitBreach || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := expfmt.NewTextParser(model.LegacyValidation) // the classic names promtool and older scrapers accept
	families, err := p.TextToMetricFamilies(f)
	if err != nil {
		t.Fatal(err)
	}
	size := families["segdash_segment_size"]
	if size == nil || len(size.GetMetric()) == 0 {
		t.Fatalf("no segdash_segment_size: %v", families)
	}
	labels := map[string]string{}
	for _, l := range size.GetMetric()[0].GetLabel() {
		labels[l.GetName()] = l.GetValue()
	}
	if labels["workspace"] != "default" || labels["segment_id"] == "" || !model.LabelValue(labels["segment_name"]).IsValid() {
		t.Errorf("labels %v", labels)
	}
	anomalies := 0
	for _, m := range families["segdash_segment_anomaly"].GetMetric() {
		anomalies += int(m.GetGauge().GetValue())
	}
	if anomalies != len(planted) {
		t.Errorf("%d anomalies, %d planted", anomalies, len(planted))
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if code, _, errs := runSegdash(t, env, "scan", "--output", filepath.Join(path, "no", "such"), "--format", "json"); code != cli.ExitError || !strings.Contains(errs, "--output") {
		t.Errorf("unwritable --output: exit %d %q", code, errs)
	}
}

// TestScanPrometheusSeveralWorkspaces: one exposition, a workspace label
// per workspace.
func TestScanPrometheusSeveralWorkspaces(t *testing.T) {
	_, _, env, _ := twoWorkspaceEnv(t)
	code, out, errs := runSegdash(t, env, "scan", "-w", "us", "-w", "eu", "--format", "prometheus")
	if code == cli.ExitError {
		t.Fatalf("exit %d %q", code, errs)
	}
	p := expfmt.NewTextParser(model.LegacyValidation)
	families, err := p.TextToMetricFamilies(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]float64{}
	for _, m := range families["segdash_scan_segments"].GetMetric() {
		seen[m.GetLabel()[0].GetValue()] = m.GetGauge().GetValue()
	}
	if seen["us"] != 40 || seen["eu"] != 25 || len(seen) != 2 {
		t.Errorf("segdash_scan_segments by workspace: %v", seen)
	}
}
