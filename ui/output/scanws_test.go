package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// workspaceScans are two workspaces scanned and one that could not be.
func workspaceScans() []WorkspaceScan {
	sum, rows := scanFixture()
	return []WorkspaceScan{
		{Name: "us", Endpoint: "https://rest.iad-01.braze.com", Scanned: true, Summary: sum, Rows: rows},
		{Name: "eu", Endpoint: "https://rest.fra-01.braze.eu", Err: errors.New("unauthorized")},
		{Name: "au,\"x\"", Endpoint: "https://rest.au-01.braze.com", Scanned: true, Summary: sum, Rows: rows[:2]},
	}
}

// TestWorkspaceCSV: one header with a workspace column first, then every
// workspace's rows with their workspace, cells quoted as CSV needs
// (names with quotes and commas read back whole).
func TestWorkspaceCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteWorkspaceScans(&b, "csv", workspaceScans(), 0, 100); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+5+2 || strings.Join(recs[0][:3], ",") != "workspace,segment_id,segment_name" {
		t.Fatalf("records: %q", recs)
	}
	if recs[1][0] != "us" || recs[6][0] != "au,\"x\"" || recs[2][2] != "'=HYPERLINK(\"x\")" {
		t.Errorf("records: %q", recs)
	}
	b.Reset()
	if err := WriteWorkspaceScans(&b, "csv", workspaceScans(), 1, 100); err != nil {
		t.Fatal(err)
	}
	if recs, _ := csv.NewReader(&b).ReadAll(); len(recs) != 1+1+1 {
		t.Errorf("--top 1: %d records", len(recs))
	}
}

// TestWorkspaceJSON: one flat segments list whose rows say their
// workspace, each workspace's summary with the error that stopped it.
func TestWorkspaceJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteWorkspaceScans(&b, "json", workspaceScans(), 0, 100); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Partial       bool
		Workspaces    []struct {
			Workspace string
			Total     int
			Error     string
		}
		Segments []struct {
			Workspace string
			SegmentID string `json:"segment_id"`
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	ws := doc.Workspaces
	if doc.SchemaVersion != SchemaVersion || !doc.Partial || len(ws) != 3 || ws[0].Total != 5 || ws[1].Error != "unauthorized" ||
		len(doc.Segments) != 7 || doc.Segments[0].Workspace != "us" || doc.Segments[6].Workspace != ws[2].Workspace {
		t.Errorf("json: %+v", doc)
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Error("an escape reached the JSON")
	}
}

// TestWorkspaceTable: a heading per workspace, and why one was not scanned.
func TestWorkspaceTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteWorkspaceScans(&b, "table", workspaceScans(), 0, 100); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	us, eu := strings.Index(out, "══ workspace us · https://rest.iad-01.braze.com"), strings.Index(out, "══ workspace eu")
	if us < 0 || eu < us || !strings.Contains(out[eu:], "not scanned: unauthorized") || !strings.Contains(out[us:eu], "scan of all segments") {
		t.Errorf("table:\n%s", out)
	}
	if err := WriteWorkspaceScans(&b, "nagios", workspaceScans(), 0, 100); err == nil {
		t.Error("nagios accepted for several workspaces")
	}
}
