package main

import (
	"strings"
	"testing"

	"github.com/segdash/segdash/client/brazetest"
)

// TestCheckRemembersTheListing: a second check by name resolves from the
// listing the first saved and sends no list request; --fresh lists again;
// a name the saved listing lacks (renamed since) lists again and is found.
func TestCheckRemembersTheListing(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	segs := tracked(h, 2)
	if code, out, errs := runSegdash(t, env, "check", "--format", "spark", segs[0].Name); code != 0 {
		t.Fatalf("cold check: exit %d\n%s%s", code, out, errs)
	}
	cold := h.Requests("list")
	if cold == 0 {
		t.Fatal("a cold check by name sent no list request")
	}
	if code, out, errs := runSegdash(t, env, "check", "--format", "spark", segs[1].Name); code != 0 || !strings.Contains(out, segs[1].Name) {
		t.Fatalf("warm check: exit %d\n%s%s", code, out, errs)
	}
	if n := h.Requests("list"); n != cold {
		t.Errorf("a warm check by name sent %d list requests", n-cold)
	}
	if code, _, errs := runSegdash(t, env, "--fresh", "check", "--format", "spark", segs[0].Name); code != 0 {
		t.Fatalf("--fresh check: exit %d %s", code, errs)
	}
	if n := h.Requests("list"); n == cold {
		t.Error("--fresh sent no list request")
	}
	// A segment renamed after the listing was saved: its new name is not
	// in the saved listing, so check lists again and finds it.
	segs[1].Name = "Renamed After The Save"
	before := h.Requests("list")
	if code, out, errs := runSegdash(t, env, "check", "--format", "spark", segs[1].Name); code != 0 || !strings.Contains(out, segs[1].Name) {
		t.Fatalf("a new name: exit %d\n%s%s", code, out, errs)
	}
	if h.Requests("list") == before {
		t.Error("a name missing from the saved listing was not listed again")
	}
}
