package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/segdash/segdash/client"
	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/ui/common"
	"github.com/segdash/segdash/ui/live"
)

// recordTicks makes a model's timers observable: each requested timer is
// recorded with its duration and message, and never fires by itself.
type recordTicks struct {
	durations []time.Duration
	msgs      []tea.Msg
}

func (r *recordTicks) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	r.durations = append(r.durations, d)
	r.msgs = append(r.msgs, fn(testNow.Add(d)))
	return nil
}

// last returns the newest recorded timer message of type T.
func last[T tea.Msg](r *recordTicks) (T, time.Duration, bool) {
	for i := len(r.msgs) - 1; i >= 0; i-- {
		if m, ok := r.msgs[i].(T); ok {
			return m, r.durations[i], true
		}
	}
	var zero T
	return zero, 0, false
}

func TestRefreshTickSharesRequestsAcrossSessions(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticksA, ticksB recordTicks
	a := e.newTestModel(Options{Refresh: 5 * time.Minute, Tick: ticksA.tick})
	b := e.newTestModel(Options{Refresh: 5 * time.Minute, Tick: ticksB.tick})
	start(t, a, 120, 40)
	start(t, b, 120, 40)
	for seg, _ := a.list.Cursor(); !seg.AnalyticsTrackingEnabled; seg, _ = a.list.Cursor() {
		press(t, a, "down")
		press(t, b, "down")
	}
	cur := a.list.CursorID()
	before := e.api.SeriesRequests(cur)
	if before != 1 {
		t.Fatalf("two sessions on one segment cost %d requests, want 1", before)
	}
	tickA, d, ok := last[live.RefreshMsg](&ticksA)
	if !ok || d != 5*time.Minute {
		t.Fatalf("refresh timer %v %v", d, ok)
	}
	tickB, _, _ := last[live.RefreshMsg](&ticksB)
	e.advance(5 * time.Minute)
	_, cmd := a.Update(tickA)
	settle(t, a, cmd)
	_, cmd = b.Update(tickB)
	settle(t, b, cmd)
	if got := e.api.SeriesRequests(cur) - before; got != 1 {
		t.Errorf("one refresh of two sessions cost %d requests, want 1", got)
	}
	// The old data stayed on screen while refreshing (never "loading").
	if strings.Contains(screen(a), "loading sizes") {
		t.Error("refresh replaced the chart with a loader")
	}
}

func TestBlurSlowsRefreshAndPause(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Refresh: time.Minute, Tick: ticks.tick})
	start(t, m, 120, 40)
	m.Update(tea.BlurMsg{})
	tick, _, _ := last[live.RefreshMsg](&ticks)
	m.Update(tick)
	if _, d, _ := last[live.RefreshMsg](&ticks); d != 4*time.Minute {
		t.Errorf("blurred interval %v, want 4m", d)
	}
	mustContain(t, screen(m), "every 4m (unfocused)")
	m.Update(tea.FocusMsg{})
	if _, d, _ := last[live.RefreshMsg](&ticks); d != time.Minute {
		t.Errorf("focused interval %v, want 1m", d)
	}
	press(t, m, "p")
	mustContain(t, screen(m), "paused")
	stale, _, _ := last[live.RefreshMsg](&ticks)
	before := e.api.Requests("")
	e.advance(time.Hour)
	_, cmd := m.Update(stale)
	settle(t, m, cmd)
	if e.api.Requests("") != before {
		t.Error("a paused dashboard refreshed")
	}
	press(t, m, "+")
	mustContain(t, screen(m), "every 30s")
	press(t, m, "-", "-")
	mustContain(t, screen(m), "every 2m")
}

func TestAgeTicksOnlyWhenTheLabelChanges(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Tick: ticks.tick})
	start(t, m, 120, 40)
	mustContain(t, screen(m), "updated now", "live off")
	m.c.Now = func() time.Time { return testNow.Add(90 * time.Second) }
	tick, _, _ := last[live.AgeMsg](&ticks)
	m.Update(tick)
	if _, d, _ := last[live.AgeMsg](&ticks); d != 30*time.Second {
		t.Errorf("next age tick in %v, want 30s (at the next minute)", d)
	}
	mustContain(t, screen(m), "updated 1m ago")
	for _, d := range ticks.durations {
		if d < time.Second {
			t.Errorf("a timer of %v: something ticks faster than the screen changes", d)
		}
	}
}

func TestRateLimitCountdownAndRetry(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Tick: ticks.tick})
	start(t, m, 120, 40)
	k := m.store.Key(m.list.CursorID())
	reset := testNow.Add(4*time.Minute + 12*time.Second)
	token := m.store.Begin(k)
	m.Update(seriesLoadedMsg{key: k, token: token, err: &client.Error{Kind: client.ErrRateLimited, Endpoint: "/segments/data_series", StatusCode: 429, Reset: reset}})
	mustContain(t, screen(m), "rate limited: retry in 4:12")
	if m.store.Get(k.SegmentID).Err == nil {
		t.Fatal("the 429 was not recorded")
	}
	m.c.Now = func() time.Time { return reset.Add(time.Second) }
	tick, _, _ := last[live.RateMsg](&ticks)
	_, cmd := m.Update(tick)
	settle(t, m, cmd)
	if err := m.store.Get(k.SegmentID).Err; err != nil {
		t.Errorf("no retry at the reset: %v", err)
	}
	if strings.Contains(screen(m), "rate limited") {
		t.Error("countdown still shown after the reset")
	}
}

func TestAuthScreens(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   []string
	}{
		{401, []string{"Braze refused", "BRAZE_API_KEY", "instance"}},
		{403, []string{"Braze refused", "segments.list", "permissions"}},
	} {
		e := newTestEnv(t, 300)
		e.api.SetFault(brazetest.Fault{Status: tc.status})
		m := e.newTestModel(Options{Source: "https://rest.iad-03.braze.com"})
		start(t, m, 100, 30)
		mustContain(t, screen(m), tc.want...)
		if tc.status == 401 {
			// A named workspace's key comes from its own entry: the
			// advice names that, never BRAZE_API_KEY.
			named := e.newTestModel(Options{KeyFrom: "env BRAZE_EU_KEY (api_key_env of workspace eu)"})
			start(t, named, 100, 30)
			got := screen(named)
			mustContain(t, got, "the key from env BRAZE_EU_KEY (api_key_env of workspace eu)")
			if strings.Contains(got, "BRAZE_API_KEY") {
				t.Errorf("a named workspace's advice names BRAZE_API_KEY:\n%s", got)
			}
		}
		// Recovery: the API heals, the next refresh lists again.
		e.api.SetFault(brazetest.Fault{})
		press(t, m, "R")
		if s := screen(m); strings.Contains(s, "Braze refused") || !strings.Contains(s, e.segmentsLabel()) {
			t.Errorf("%d: not recovered:\n%s", tc.status, s)
		}
	}
}

func TestUntrackedNotFetchedInALoop(t *testing.T) {
	e := newTestEnv(t, 300)
	var ticks recordTicks
	m := e.newTestModel(Options{Refresh: time.Minute, Tick: ticks.tick})
	start(t, m, 120, 40)
	var untracked []string
	for _, s := range m.list.OnScreen(0) {
		if !s.AnalyticsTrackingEnabled && s.ID != m.list.CursorID() { // the charted one is asked once
			untracked = append(untracked, s.ID)
		}
	}
	if len(untracked) == 0 {
		t.Fatal("no untracked segment on screen to test with")
	}
	for range 3 {
		e.advance(time.Minute)
		tick, _, _ := last[live.RefreshMsg](&ticks)
		_, cmd := m.Update(tick)
		settle(t, m, cmd)
	}
	for _, id := range untracked {
		if n := e.api.SeriesRequests(id); n != 0 {
			t.Errorf("untracked %s fetched %d times from the list", id, n)
		}
	}
	mustContain(t, screen(m), "untracked")
}

func TestIsAuthError(t *testing.T) {
	if !common.IsAuthError(&client.Error{Kind: client.ErrForbidden}) || common.IsAuthError(errors.New("x")) {
		t.Error("isAuthError")
	}
}
