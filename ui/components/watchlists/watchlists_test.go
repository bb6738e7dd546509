package watchlists

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/components/segmentlist"
)

// fixture is the watchlists over 5 segments, with what their hooks saw.
type fixture struct {
	m       *Model
	list    *segmentlist.Model
	loaded  bool
	notices []string
	saved   map[string][]client.Segment
}

func newFixture(t *testing.T, lists []client.Watchlist, pending string) *fixture {
	t.Helper()
	c := common.New(context.Background(), nil, nil, themes.NewStyles(themes.Mono(), true))
	c.SetSize(100, 20)
	f := &fixture{list: segmentlist.New(c), saved: map[string][]client.Segment{}}
	var segs []client.Segment
	for i := range 5 {
		segs = append(segs, client.Segment{ID: fmt.Sprintf("id%d", i), Name: fmt.Sprintf("Segment %d", i)})
	}
	f.list.SetSegments(segs)
	f.m = New(c, f.list, lists, pending, Deps{
		Save:     func(name string, segs []client.Segment) error { f.saved[name] = segs; return nil },
		Loaded:   func() bool { return f.loaded },
		Selected: func() tea.Cmd { return nil },
		Notice:   func(s string) tea.Cmd { f.notices = append(f.notices, s); return nil },
		Shared:   func() (string, bool) { return "us", false },
	})
	return f
}

func (f *fixture) press(keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		cmd, _ := f.m.Update(msg)
		if cmd != nil {
			if saved, ok := cmd().(SavedMsg); ok {
				f.m.Update(saved)
			}
		}
	}
}

// TestPendingWatchlistWaitsForTheList: the watchlist asked for at start is
// applied once the list is loaded; an entry that matches no segment is
// reported, not dropped.
func TestPendingWatchlistWaitsForTheList(t *testing.T) {
	f := newFixture(t, []client.Watchlist{{Name: "team", Segments: []string{"id1", "id3", "nope"}}}, "team")
	if cur, _ := f.m.Current(); cur != "" || f.list.SelectedCount() != 0 {
		t.Fatal("applied before the list was loaded")
	}
	f.loaded = true
	f.m.Loaded()
	cur, problems := f.m.Current()
	if cur != "team" || f.list.SelectedCount() != 2 || len(problems) != 1 {
		t.Fatalf("current %q, %d selected, problems %v", cur, f.list.SelectedCount(), problems)
	}
	if n := f.notices[len(f.notices)-1]; !strings.Contains(n, "1 entry matches nothing") {
		t.Errorf("notice %q", n)
	}
}

// TestSavingOverAWatchlistAsksOnce: W with an existing name asks on the
// prompt's line; enter again replaces it.
func TestSavingOverAWatchlistAsksOnce(t *testing.T) {
	f := newFixture(t, []client.Watchlist{{Name: "team", Segments: []string{"id1"}}}, "")
	f.loaded = true
	f.list.SetSelection([]string{"id2", "id4"})
	f.m.Open()
	f.press("t", "e", "a", "m", "enter")
	if !f.m.Active() || !strings.Contains(f.m.View(), "team") || !strings.Contains(f.m.View(), "exists (1 segment)") || f.m.Hint() != "enter replace · esc keep" {
		t.Fatalf("no question before replacing: %q", f.m.View())
	}
	f.press("enter")
	if f.m.Active() || len(f.saved["team"]) != 2 {
		t.Fatalf("enter again: open %v, saved %v", f.m.Active(), f.saved)
	}
	if cur, _ := f.m.Current(); cur != "team" || len(f.m.Lists()) != 1 || len(f.m.Lists()[0].Segments) != 2 {
		t.Fatalf("after the save: current %q, lists %v", cur, f.m.Lists())
	}
}
