package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestStoreHoldsOnlyWhatIsShown(t *testing.T) {
	e := newTestEnv(t, 1500)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "space") // one selected row goes with the pages
	bound := len(m.list.OnScreen(lookahead)) + 1
	most := 0
	for range m.list.Len() / m.list.Page() {
		_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
		settle(t, m, cmd)
		most = max(most, m.store.Len())
	}
	if most > bound {
		t.Errorf("the store held %d series while paging, want ≤ %d (on screen, lookahead, selected)", most, bound)
	}
	if st := m.store.Get(m.list.Selected()[0].ID); st == nil || st.Series == nil {
		t.Error("the selected row's series was dropped")
	}
	// Back at the top: rows come back from the cache, without a request.
	before := e.api.Requests("")
	press(t, m, "g")
	if got := e.api.Requests("") - before; got != 0 {
		t.Errorf("rows back on screen cost %d requests, want 0 (the cache keeps them)", got)
	}
	for _, s := range m.list.OnScreen(0) {
		if st := m.store.Get(s.ID); s.AnalyticsTrackingEnabled && (st == nil || st.Series == nil) {
			t.Fatalf("%s back on screen without its data", s.ID)
		}
	}
}
