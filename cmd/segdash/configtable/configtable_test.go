package configtable

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/monitor"
	"github.com/segdash/segdash/cmd/segdash/config"
)

var today = client.Date{Year: 2026, Month: 12, Day: 6}

// TestWriteMasksTheKeyAndCleansValues: the key's value never appears, only
// where it is read from, and a value from the file cannot reach the
// terminal as an escape sequence.
func TestWriteMasksTheKeyAndCleansValues(t *testing.T) {
	cfg := config.Config{
		File:       "/etc/segdash.yaml",
		FileFound:  true,
		Endpoint:   "https://rest.iad-01.braze.com",
		APIKey:     "secret-key-value",
		APIKeyFile: "/run/key",
		Theme:      "dark\x1b[31m",
		Sources:    map[string]string{"api_key": "file:3", "endpoint": "env BRAZE_REST_ENDPOINT"},
		Silences: []monitor.Silence{
			{Tag: "etl", Until: today, Reason: "moved"},
			{Tag: "old", Until: today.AddDays(-1), Reason: "past"},
		},
	}
	var b strings.Builder
	if err := Write(&b, cfg, today); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "secret-key-value") {
		t.Errorf("the key is printed:\n%s", out)
	}
	for _, want := range []string{"config file: /etc/segdash.yaml\n", "******** (read from /run/key)", "/etc/segdash.yaml:3", "env BRAZE_REST_ENDPOINT", "1 active, 1 expired"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape sequence reaches the output: %q", out)
	}
}

// TestWriteDemo: the demo says so where the endpoint and key would be.
func TestWriteDemo(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, config.Config{File: "/nowhere.yaml", Demo: true}, today); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(not found: defaults apply)", "built-in demo (no API key)", "not set: demo mode"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in:\n%s", want, b.String())
		}
	}
	// No file: rules and silences are the defaults, not a missing file's.
	for l := range strings.SplitSeq(b.String(), "\n") {
		if f := strings.Fields(l); len(f) > 0 && (f[0] == "rules" || f[0] == "silences") && f[len(f)-1] != "default" {
			t.Errorf("from a file that is not there: %q", l)
		}
	}
}
