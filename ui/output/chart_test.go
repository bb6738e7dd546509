package output

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client"
)

func series(start client.Date, sizes ...int64) []client.Point {
	out := make([]client.Point, len(sizes))
	for i, s := range sizes {
		out[i] = client.Point{Day: start.AddDays(i), Size: s}
	}
	return out
}

var day0 = client.Date{Year: 2026, Month: 11, Day: 1}

func TestRenderFitsItsBox(t *testing.T) {
	ramp := make([]int64, 100)
	for i := range ramp {
		ramp[i] = int64(i) * 123456
	}
	inputs := map[string][]Line{
		"one":    {{Name: "A", Points: series(day0, ramp...)}},
		"flat":   {{Name: "A", Points: series(day0, 5, 5, 5)}},
		"zeros":  {{Name: "A", Points: series(day0, 0, 0, 0)}},
		"single": {{Name: "A", Points: series(day0, 42)}},
		"many": {{Name: strings.Repeat("very long name ", 10), Points: series(day0, ramp...)},
			{Name: "日本のユーザー", Points: series(day0, 1, 2, 3)}, {Name: "b", Points: series(day0, 9, 1)}},
	}
	for name, lines := range inputs {
		for _, norm := range []bool{false, true} {
			for w := ChartMinWidth; w <= 200; w += 13 {
				for h := ChartMinHeight; h <= 60; h += 7 {
					out := Chart(lines, ChartOptions{Width: w, Height: h, Normalise: norm, Caption: "cap"})
					ls := strings.Split(out, "\n")
					if len(ls) > h {
						t.Fatalf("%s %dx%d: %d lines", name, w, h, len(ls))
					}
					for _, l := range ls {
						if Width(l) > w {
							t.Fatalf("%s %dx%d: line of %d cells: %q", name, w, h, Width(l), l)
						}
					}
				}
			}
		}
	}
}

func TestRenderContent(t *testing.T) {
	out := Chart([]Line{{Name: "A", Points: series(day0, 1000, 2000, 4_500_000)}}, ChartOptions{Width: 60, Height: 12, Caption: "estimated"})
	for _, want := range []string{"5M", "4M", "Nov 01", "Nov 02", "Nov 03", "estimated", "┤"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("colour without Color")
	}
	cmp := Chart([]Line{{Name: "Alpha", Points: series(day0, 10, 20)}, {Name: "Beta", Points: series(day0, 1000, 500)}},
		ChartOptions{Width: 60, Height: 14, Normalise: true, Color: true})
	if !strings.Contains(cmp, "Alpha") || !strings.Contains(cmp, "Beta") || !strings.Contains(cmp, "200") || !strings.Contains(cmp, "\x1b[") {
		t.Errorf("compare chart lacks legend, index or colour:\n%s", cmp)
	}
	if Chart(nil, ChartOptions{Width: 60, Height: 12}) != "" || Chart([]Line{{Name: "A", Points: series(day0, 1)}}, ChartOptions{Width: 5, Height: 2}) != "" {
		t.Error("empty input or tiny box should draw nothing")
	}
}
