package ui

import "testing"

// TestOverlayOnTopGetsTheKeys: with the details open, / opens the filter
// over them: d is a letter of the filter, not the details' close key; esc
// closes the filter, the next esc the details; the details, not modal,
// let the dashboard's keys through.
func TestOverlayOnTopGetsTheKeys(t *testing.T) {
	e := newTestEnv(t, 300)
	m := e.newTestModel(Options{})
	start(t, m, 120, 40)
	press(t, m, "d")
	mustContain(t, screen(m), "esc or d closes")
	press(t, m, "s") // the dashboard's sort, beside the details
	mustContain(t, screen(m), "sort: name", "esc or d closes")
	press(t, m, "/", "d")
	if !m.details.Active() || !m.filter.Active() || m.filter.Value() != "d" {
		t.Fatalf("d over the details: details open %v, filter open %v holding %q", m.details.Active(), m.filter.Active(), m.filter.Value())
	}
	press(t, m, "esc")
	if m.filter.Active() || !m.details.Active() {
		t.Fatalf("esc: filter open %v, details open %v; want only the details", m.filter.Active(), m.details.Active())
	}
	press(t, m, "esc")
	if m.details.Active() {
		t.Fatal("the second esc did not close the details")
	}
}
