package demoapi

import (
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
)

func TestParseFault(t *testing.T) {
	for _, c := range []struct {
		kind string
		want brazetest.Fault
	}{
		{"503", brazetest.Fault{Status: 503, Rate: 0.25}},
		{"500", brazetest.Fault{Status: 500, Rate: 0.25}},
		{"html", brazetest.Fault{Body: brazetest.BodyHTML, Rate: 0.25}},
		{"malformed", brazetest.Fault{Body: brazetest.BodyMalformed, Rate: 0.25}},
		{"truncated", brazetest.Fault{Body: brazetest.BodyTruncated, Rate: 0.25}},
		{"slow", brazetest.Fault{Body: brazetest.BodySlow, Latency: 3 * time.Second, Rate: 0.25}},
	} {
		got, err := ParseFault(c.kind, 0.25)
		if err != nil || got != c.want {
			t.Errorf("ParseFault(%q) = %+v, %v; want %+v", c.kind, got, err, c.want)
		}
	}
	for _, kind := range []string{"404", "429", "600", "499", "", "oops", "5O3"} {
		if _, err := ParseFault(kind, 0.5); err == nil || !strings.Contains(err.Error(), "500-599") {
			t.Errorf("ParseFault(%q) took it: %v", kind, err)
		}
	}
	for _, rate := range []float64{0, -0.1, 1.5} {
		if _, err := ParseFault("503", rate); err == nil || !strings.Contains(err.Error(), "--fault-rate") {
			t.Errorf("rate %v taken: %v", rate, err)
		}
	}
}

func TestOptionsCarryLatencyAndRateLimit(t *testing.T) {
	f := Flags{Segments: 10, Untracked: "zeros", Latency: 50 * time.Millisecond, RateLimit: 300}
	o, err := f.options(time.Now)
	if err != nil || o.Latency != 50*time.Millisecond || o.RateLimit != 300 {
		t.Errorf("options %+v, %v", o, err)
	}
	f.RateLimit = -1
	if _, err := f.options(time.Now); err == nil {
		t.Error("a negative --rate-limit was taken")
	}
	f.RateLimit, f.TimeLapse = 100, 5*time.Second
	if _, err := f.options(time.Now); err == nil || !strings.Contains(err.Error(), "--time-lapse") {
		t.Errorf("--rate-limit with --time-lapse: %v", err)
	}
	for share, want := range map[float64]string{0.1: "10%", 0.07: "7%", 0.29: "29%", 0.333: "33.3%", 1: "100%"} {
		if got := percent(share); got != want {
			t.Errorf("percent(%v) = %q, want %q", share, got, want)
		}
	}
}
