package main

import "testing"

func TestEscapeControls(t *testing.T) {
	in := []byte("{\"name\":\"a\u009b31mb\u007fc ünï\"}")
	want := `{"name":"a\u009b31mb\u007fc ünï"}`
	if got := string(escapeControls(in)); got != want {
		t.Errorf("escapeControls = %q, want %q", got, want)
	}
}
