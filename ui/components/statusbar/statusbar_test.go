package statusbar

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/themes"
	"github.com/segdash/segdash/ui/common"
)

func TestNoticeExpiresUnlessReplaced(t *testing.T) {
	now := time.Unix(0, 0)
	var expiries []tea.Msg
	tick := func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		expiries = append(expiries, fn(now))
		return nil
	}
	c := common.New(context.Background(), func() time.Time { return now }, tick, themes.NewStyles(themes.Mono(), true))
	c.SetSize(60, 16)
	m := New(c)
	m.SetNotice("first")
	now = now.Add(time.Second)
	m.SetNotice("second")
	m.Update(expiries[0]) // the first notice's timer: the second stays
	if got := ansi.Strip(view(m, []string{"288 segments"})); !strings.Contains(got, "288 segments · second") || ansi.StringWidth(got) != 60 {
		t.Errorf("bar %q", got)
	}
	m.Update(expiries[1])
	if m.Notice() != "" {
		t.Errorf("notice %q did not expire", m.Notice())
	}
}

func TestOptionalFieldsOnlyWhenTheyFit(t *testing.T) {
	now := time.Unix(0, 0)
	c := common.New(context.Background(), func() time.Time { return now }, func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
		themes.NewStyles(themes.Mono(), true))
	c.SetSize(70, 16)
	m := New(c)
	if got := ansi.Strip(view(m, []string{"288 segments"}, "API 250k/h left")); !strings.Contains(got, "288 segments · API 250k/h left") {
		t.Errorf("room for the budget, not shown: %q", got)
	}
	m.SetNotice("wrote /tmp/a-long-export-file-name.csv")
	got := ansi.Strip(view(m, []string{"288 segments"}, "API 250k/h left"))
	if !strings.Contains(got, "wrote /tmp/a-long-export-file-name.csv") || strings.Contains(got, "API") || ansi.StringWidth(got) != 70 {
		t.Errorf("the notice must win the room: %q", got)
	}
}

// view draws m with fields and the optional ones.
func view(m *Model, fields []string, optional ...string) string {
	m.SetFields(fields, optional...)
	return m.View()
}
