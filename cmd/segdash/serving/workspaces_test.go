package serving

import (
	"testing"

	"github.com/segdash/segdash/cmd/segdash/config"
)

func TestServeSessionRequestsSpareTheDemo(t *testing.T) {
	if n := SessionRequests(3600, []config.Config{{Demo: true}}); n != 0 {
		t.Errorf("the demo gets a bound of %d", n)
	}
	if n := SessionRequests(3600, []config.Config{{Demo: true}, {Workspace: "eu"}}); n != 3600 {
		t.Errorf("a real workspace gets a bound of %d, want 3600", n)
	}
}
