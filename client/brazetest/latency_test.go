package brazetest

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestLatencyDelaysEveryAnswerBesideAFault: Options.Latency delays every
// answer, the faulty ones by the fault's own delay on top; a fault that
// hits a share of the requests leaves the others on the base latency.
func TestLatencyDelaysEveryAnswerBesideAFault(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newTestHandler(Options{Latency: 200 * time.Millisecond})
		h.SetFault(Fault{Status: 503, Latency: time.Second, Rate: 0.5})
		var ok, failed int
		for range 20 {
			start := time.Now()
			res, _ := get(t, h, DemoKey, "/segments/list", nil)
			took := time.Since(start)
			switch {
			case res.StatusCode == 200 && took == 200*time.Millisecond:
				ok++
			case res.StatusCode == 503 && took == 1200*time.Millisecond:
				failed++
			default:
				t.Fatalf("answer %d after %v: want 200 after 200ms or 503 after 1.2s", res.StatusCode, took)
			}
		}
		if ok < 5 || failed < 5 {
			t.Errorf("%d answered, %d failed of 20 at rate 0.5", ok, failed)
		}
	})
}
