package details

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/output"
)

func TestView(t *testing.T) {
	st := themes.NewStyles(themes.Mono(), true)
	seg := client.Segment{ID: "id-1", Name: "Lapsed \x1b[2JUsers"}
	d := &client.Details{Description: "Users who " + strings.Repeat("did not come back ", 12), Tags: []string{"a", "b"},
		CreatedAt: time.Date(2022, 11, 29, 14, 59, 2, 0, time.UTC)}
	out := ansi.Strip(strings.Join(Lines(seg, d, nil, st, 50), "\n"))
	for _, want := range []string{"Lapsed Users", "id-1", "description", "a, b", "2022-11-29 14:59 UTC", "teams       —", "tracking    off"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q:\n%s", want, out)
		}
	}
	for l := range strings.SplitSeq(out, "\n") {
		if output.Width(l) > 50 {
			t.Errorf("line wider than 50: %q", l)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("raw escape from the name")
	}
	if got := strings.Join(Lines(seg, nil, nil, st, 50), "\n"); !strings.Contains(got, "loading details") {
		t.Errorf("loading: %s", got)
	}
	if got := strings.Join(Lines(seg, nil, errors.New("forbidden"), st, 50), "\n"); !strings.Contains(got, "forbidden") {
		t.Errorf("error: %s", got)
	}
	m := New(common.New(context.Background(), nil, nil, st), nil, false)
	m.Open(seg)
	m.Update(LoadedMsg{ID: seg.ID, Details: d})
	m.SetSize(50, 6)
	top := m.View()
	if n := strings.Count(top, "\n") + 1; n != 6 {
		t.Errorf("%d lines in 6", n)
	}
	for range 20 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	// A short pane scrolls down to the last line.
	if bottom := ansi.Strip(m.View()); bottom == ansi.Strip(top) || !strings.Contains(bottom, "esc or d closes") {
		t.Errorf("details do not scroll:\n%s", bottom)
	}
}
