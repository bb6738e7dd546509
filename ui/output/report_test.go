package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"github.com/segdash/segdash/client"
)

func results() []Result {
	return []Result{
		{Segment: client.Segment{ID: "id-a", Name: "VIP"}, Length: 3, Points: series(day0, 100, 90, 80),
			Breaches: []string{"fell 20.0% over 3 days"}},
		{Segment: client.Segment{ID: "id-b", Name: "it's=odd"}, Length: 3, Points: series(day0, 5, 6, 7)},
		{Segment: client.Segment{ID: "id-c", Name: ""}, Length: 3},
	}
}

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestColorProfile(t *testing.T) {
	var b bytes.Buffer
	if p := ColorProfile(&b, env("TERM", "xterm-256color")); Colored(p) {
		t.Errorf("a buffer is not a terminal, got %v", p)
	}
	if p := ColorProfile(&b, env("TERM", "xterm-256color", "CLICOLOR_FORCE", "1", "NO_COLOR", "yes")); Colored(p) {
		t.Errorf("NO_COLOR=yes must win, got %v", p)
	}
	if p := ColorProfile(&b, env("TERM", "xterm-256color", "CLICOLOR_FORCE", "1")); !Colored(p) {
		t.Errorf("CLICOLOR_FORCE asks for colour, got %v", p)
	}
}

func TestWriteSparkColour(t *testing.T) {
	var plain, col bytes.Buffer
	if err := WriteSpark(&plain, results(), colorprofile.NoTTY); err != nil {
		t.Fatal(err)
	}
	if err := WriteSpark(&col, results(), colorprofile.ANSI); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b") || !strings.Contains(col.String(), "\x1b[36m") {
		t.Errorf("plain %q\ncolour %q", plain.String(), col.String())
	}
	want := "VIP           █▄▁       80   -20.0%\nit's=odd      ▁▄█        7   +40.0%\nid-c                     -      n/a\n"
	if plain.String() != want {
		t.Errorf("spark:\n%q\nwant\n%q", plain.String(), want)
	}
}

func TestWriteFormatUnknown(t *testing.T) {
	if err := WriteFormat(&bytes.Buffer{}, "xml", nil, colorprofile.NoTTY, 80); err == nil {
		t.Error("xml accepted")
	}
	for _, f := range Formats() {
		var b bytes.Buffer
		if err := WriteFormat(&b, f, results(), colorprofile.NoTTY, 80); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, b.Len())
		}
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("export failed: open /nonexistent/dir/segdash-export-file.csv now", 12)
	for _, l := range got {
		if Width(l) > 12 {
			t.Errorf("line %q wider than 12", l)
		}
	}
	if got[0] != "export" || !strings.HasSuffix(got[2], "…") {
		t.Errorf("wrap: %q", got)
	}
	// A date or a hyphenated name that fits a line moves to the next one
	// whole, in both wraps; a longer one is still broken by WrapAll.
	for _, wrap := range []func(string, int) []string{Wrap, WrapAll} {
		got := wrap("30 days through 2026-12-05 · re-run", 20)
		if len(got) != 2 || got[1] != "2026-12-05 · re-run" {
			t.Errorf("a date split: %q", got)
		}
	}
	if got := WrapAll("at /var/lib/segdash-export-file-name.csv", 12); strings.Join(got, "") != "at/var/lib/segdash-export-file-name.csv" {
		t.Errorf("WrapAll lost text: %q", got)
	}
	if got := Wrap("a ‑ stays ‑", 20); got[0] != "a ‑ stays ‑" {
		t.Errorf("a non-breaking hyphen of the text changed: %q", got)
	}
}

// TestChangeFromFirstDayWithData: a segment created within the window
// changed from its first size, not from the zeros before it existed.
func TestChangeFromFirstDayWithData(t *testing.T) {
	d := client.Date{Year: 2026, Month: 11, Day: 1}
	r := Result{Points: []client.Point{{Day: d, Size: 0}, {Day: d.AddDays(1), Size: 0}, {Day: d.AddDays(2), Size: 200}, {Day: d.AddDays(3), Size: 250}}}
	c, ok := r.Change()
	if !ok || c.Abs != 50 || !c.HasPct || c.Pct != 25 {
		t.Fatalf("change %+v %v; want +50 (+25%%) from the first day with data", c, ok)
	}
}
