package main

import (
	"context"
	"github.com/segdash/segdash/ui/uitest"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/segdash/segdash/cmd/segdash/config"
	"github.com/segdash/segdash/ui"
	"github.com/segdash/segdash/ui/workspaces"
)

// drain runs cmd and everything it leads to on m (uitest.Settle).
func drain(t *testing.T, m tea.Model, cmd tea.Cmd) {
	t.Helper()
	uitest.Settle(t, m, cmd)
}

// TestDashboardPickerOverWorkspaces: with named workspaces the dashboard
// is the picker over all of them; the one picked is built from its own
// entry (title, key, server) the first time it is shown.
func TestDashboardPickerOverWorkspaces(t *testing.T) {
	us, eu, env, _ := twoWorkspaceEnv(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	now := func() time.Time { return testNow }
	noTimers := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	a := &app{getenv: func(k string) string { return env[k] }, now: now,
		tick: func(context.Context) func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return noTimers }}
	cfg, err := config.Resolve(config.Input{Getenv: a.getenv}, os.UserConfigDir)
	if err != nil {
		t.Fatal(err)
	}
	d := &dashFlags{}
	opts, err := d.options(a, cfg, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	be, err := connect(cfg, now, now, false)
	if err != nil {
		t.Fatal(err)
	}
	defer be.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts.Cache, opts.Context, opts.Tick = be.Cache, ctx, noTimers
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	first := ui.New(opts)

	unnamed := cfg
	unnamed.Workspace = ""
	if m := a.starter(d).Model(ctx, unnamed, first, &closers); m != tea.Model(first) {
		t.Fatalf("the unnamed workspace got %T; want the dashboard as before", m)
	}
	root := a.starter(d).Model(ctx, cfg, first, &closers)
	if _, ok := root.(*workspaces.Model); !ok {
		t.Fatalf("named workspaces: %T; want the picker", root)
	}
	drain(t, root, root.Init())
	_, cmd := root.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	drain(t, root, cmd)
	if s := ansi.Strip(root.View().Content); !strings.Contains(s, "us · "+us.url) {
		t.Fatalf("us's title:\n%s", s)
	}
	if eu.auth.get("Bearer "+euKey) != 0 || len(closers) != 0 {
		t.Fatal("eu was opened before it was picked")
	}
	for _, k := range []tea.KeyPressMsg{{Code: 'K', Text: "K"}, {Code: tea.KeyDown}, {Code: tea.KeyEnter}} {
		_, cmd := root.Update(k)
		drain(t, root, cmd)
	}
	if s := ansi.Strip(root.View().Content); !strings.Contains(s, "eu · "+eu.url) {
		t.Fatalf("eu's title after picking it:\n%s", s)
	}
	if us.auth.get("Bearer "+usKey) == 0 || eu.auth.get("Bearer "+euKey) == 0 || len(closers) != 1 {
		t.Errorf("us asked %d, eu asked %d times, %d backends opened", us.auth.get("Bearer "+usKey), eu.auth.get("Bearer "+euKey), len(closers))
	}
	noCrossedKeys(t, us, eu)
}
