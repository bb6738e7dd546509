package main

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
)

// TestCheckByIDAsksNameAndSeriesAtOnce: by id, the series request is sent
// before the name (details) has been answered, so check costs one round
// trip of latency, not two. The stand-in holds each details
// answer until the series request has arrived.
func TestCheckByIDAsksNameAndSeriesAtOnce(t *testing.T) {
	h, env := apiEnv(t, brazetest.Options{})
	s := tracked(h, 1)[0]
	seriesCame := make(chan struct{})
	var once sync.Once
	var together atomic.Bool
	h.OnRequest(func(r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/data_series"):
			once.Do(func() { close(seriesCame) })
		case strings.HasSuffix(r.URL.Path, "/details"):
			select {
			case <-seriesCame:
				together.Store(true)
			case <-time.After(5 * time.Second): // fail-safe only: one after the other
			}
		}
	})
	code, out, errs := runSegdash(t, env, "check", "--format", "spark", s.ID)
	if code != 0 || !strings.Contains(out, s.Name) {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	if !together.Load() {
		t.Error("the series was asked for only after the name came back")
	}
	if h.Requests("details") != 1 || h.Requests("data_series") != 1 || h.Requests("list") != 0 {
		t.Errorf("requests: details %d, series %d, list %d; want 1, 1, 0", h.Requests("details"), h.Requests("data_series"), h.Requests("list"))
	}
}
