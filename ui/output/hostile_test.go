package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/safe"
)

func TestNumbersAtTheInt64Limits(t *testing.T) {
	cases := map[int64]string{math.MaxInt64: "9.2e18", math.MinInt64: "-9.2e18", 5e18: "5e18",
		1_500_000_000_000: "1.5T", 999_949_999_999_999: "999.9T", 999_950_000_000_000: "1e15"}
	for in, want := range cases {
		if got := HumanCount(in); got != want {
			t.Errorf("HumanCount(%d) = %q, want %q", in, got, want)
		}
	}
	changes := []struct {
		a, b int64
		want string
	}{
		{math.MinInt64, math.MaxInt64, "+1.8e19 (+200.0%)"},
		{math.MaxInt64, math.MinInt64, "-1.8e19 (-200.0%)"},
		{-5e18, 5e18, "+1e19 (+200.0%)"},
		{1, math.MaxInt64, "+9.2e18 (+9.2e20%)"},
		{0, math.MaxInt64, "+9.2e18"},
	}
	for _, c := range changes {
		ch := ChangeOf(c.a, c.b)
		if got := ch.String(); got != c.want {
			t.Errorf("ChangeOf(%d, %d) = %q, want %q", c.a, c.b, got, c.want)
		}
		if (ch.Abs > 0) != (c.b > c.a) {
			t.Errorf("ChangeOf(%d, %d).Abs = %d has the wrong sign", c.a, c.b, ch.Abs)
		}
	}
	if got := Sparkline([]int64{math.MinInt64, 0, math.MaxInt64, -5e18, 5e18}, 10); got != "▁▄█▂▆" {
		t.Errorf("extreme sparkline: %q", got)
	}
}

func TestHumanCounts(t *testing.T) {
	cases := []struct {
		in   []int64
		want string
	}{
		{[]int64{2_612_345, 2_641_000, 2_630_000}, "2.61M 2.64M 2.63M"},
		{[]int64{2_600_000, 2_600_000}, "2.6M 2.6M"},
		{[]int64{2_600_001, 2_600_002}, "2,600,001 2,600,002"},
		{[]int64{950, 12_345}, "950 12.3k"},
		{[]int64{1_000, 1_020}, "1k 1.02k"},
	}
	for _, c := range cases {
		if got := strings.Join(HumanCounts(c.in...), " "); got != c.want {
			t.Errorf("HumanCounts(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCSVNeutralisesFormulasAndControls(t *testing.T) {
	segs := []client.Segment{
		{ID: "=cmd|' /C calc'!A0", Name: "=HYPERLINK(\"http://x\")"},
		{ID: "id\x1b]0;pwned\x07", Name: "+1\x1b[2J"},
		{ID: "@id", Name: "-2 \u202egnp.exe"},
		{ID: "plain", Name: "Lapsed - 7 days"},
	}
	pts := [][]client.Point{series(day0, 1), series(day0, 2), series(day0, -3), series(day0, 4)}
	var b bytes.Buffer
	if _, err := WriteSeriesCSV(&b, segs, pts); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"'=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://x\")"}, {"id", "'+1"}, {"'@id", "'-2 �gnp.exe"}, {"plain", "Lapsed - 7 days"}}
	for i, w := range want {
		if rows[i+1][0] != w[0] || rows[i+1][1] != w[1] {
			t.Errorf("row %d: %q, want %q", i+1, rows[i+1][:2], w)
		}
	}
	if rows[3][3] != "-3" {
		t.Errorf("a size is a number, not text: %q", rows[3][3])
	}
}

func TestEscapeControls(t *testing.T) {
	in := []byte("{\"name\":\"a\u009b31mb\u007fc ünï \u202eexe\"}")
	want := `{"name":"a\u009b31mb\u007fc ünï \u202eexe"}`
	if got := string(EscapeControls(in)); got != want {
		t.Errorf("EscapeControls = %q, want %q", got, want)
	}
	var v struct{ Name string }
	if err := json.Unmarshal([]byte(want), &v); err != nil || v.Name != "a\u009b31mb\u007fc ünï \u202eexe" {
		t.Errorf("not lossless: %q %v", v.Name, err)
	}
}

// unsafeRune reports a rune no text output may carry.
func unsafeRune(r rune) bool {
	return (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || safe.Reorders(r) || r == 0x2028 || r == 0x2029
}

// renderAll writes results in every format; text formats come back in
// text, JSON apart.
func renderAll(t *testing.T, rs []Result) (text map[string]string, js []byte) {
	t.Helper()
	text = map[string]string{}
	for _, f := range Formats() {
		for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ANSI} {
			var b bytes.Buffer
			if err := WriteFormat(&b, f, rs, p, 80); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if f == "json" {
				js = b.Bytes()
				continue
			}
			out := b.String()
			if p == colorprofile.ANSI {
				out = stripSGR(out)
			}
			text[f+"/"+p.String()] = out
		}
	}
	return text, js
}

// stripSGR removes the colour sequences segdash writes itself, so that
// what is left must be free of escapes.
func stripSGR(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 || strings.ContainsFunc(s[i+2:i+j], func(r rune) bool { return (r < '0' || r > '9') && r != ';' }) {
			return s // not an SGR: leave it for the caller to find
		}
		s = s[:i] + s[i+j+1:]
	}
}

func FuzzRenderNames(f *testing.F) {
	f.Add("Imported \x1b[31mred\x1b[0m", "id\x1b]0;t\x07")
	f.Add("=1+1\u202e", "\u009b2J")
	f.Add("\xff\xfe", "-@")
	f.Fuzz(func(t *testing.T, name, id string) {
		rs := []Result{{Segment: client.Segment{ID: id, Name: name}, Length: 3, Points: series(day0, 1, 5, 3),
			Breaches: []string{"breach"}}, {Segment: client.Segment{ID: id, Name: name}, Length: 3}}
		text, js := renderAll(t, rs)
		for f, out := range text {
			if i := strings.IndexFunc(out, unsafeRune); i >= 0 {
				t.Fatalf("%s carries %q at %d: %q", f, out[i:min(len(out), i+4)], i, out)
			}
		}
		if i := bytes.IndexFunc(js, unsafeRune); i >= 0 {
			t.Fatalf("json carries a raw control: %q", js)
		}
		var doc struct {
			Segments []struct {
				ID   string `json:"segment_id"`
				Name string `json:"segment_name"`
			} `json:"segments"`
		}
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatalf("json: %v", err)
		}
		if utf8.ValidString(name) && utf8.ValidString(id) && (doc.Segments[0].Name != name || doc.Segments[0].ID != id) {
			t.Fatalf("json lost the name or id: %q %q", doc.Segments[0].Name, doc.Segments[0].ID)
		}
	})
}

func FuzzRenderSeries(f *testing.F) {
	f.Add(int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(-5e18), int64(5e18))
	f.Add(int64(2_600_000), int64(2_600_001), int64(2_600_000), int64(2_600_002))
	f.Fuzz(func(t *testing.T, a, b, c, d int64) {
		vals := []int64{a, b, c, d}
		r := Result{Segment: client.Segment{ID: "id", Name: "n"}, Length: 4, Points: series(day0, vals...)}
		text, _ := renderAll(t, []Result{r})
		if out := text["spark/NoTTY"]; !strings.ContainsAny(out, "▁▂▃▄▅▆▇█") {
			t.Fatalf("no sparkline: %q", out)
		}
		if sp := Sparkline(vals, 4); utf8.RuneCountInString(sp) != 4 {
			t.Fatalf("sparkline %q", sp)
		}
		for _, v := range vals {
			if s := HumanCount(v); (v < 0) != strings.HasPrefix(s, "-") {
				t.Fatalf("HumanCount(%d) = %q: wrong sign", v, s)
			}
		}
		if ch := ChangeOf(a, d); (ch.Abs > 0) != (d > a) || (ch.Abs < 0) != (d < a) {
			t.Fatalf("ChangeOf(%d, %d) = %+v", a, d, ch)
		}
		for _, norm := range []bool{false, true} {
			out := Chart([]Line{{Name: "n", Points: r.Points}, {Name: "m", Points: series(day0, d, c, b, a)}},
				ChartOptions{Width: 60, Height: 12, Normalise: norm})
			if out == "" || strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
				t.Fatalf("chart of %v:\n%s", vals, out)
			}
		}
	})
}
