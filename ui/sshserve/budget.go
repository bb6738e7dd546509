package sshserve

import (
	"context"

	"golang.org/x/time/rate"

	"github.com/segdash/segdash/client"
)

// SessionBurst is the share of Config.SessionRequests a dashboard may send
// at once: a twelfth, five minutes' worth (a first screen and a few
// windows), before the rest comes at the hourly pace.
const SessionBurst = 12

// withSessionBudget gives one session's dashboards their share of the
// workspace's hourly API budget: SessionRequests an hour, a twelfth at
// once, one bucket for every workspace the session opens. Scans (S) are
// not counted here: they run through the workspace's hub, one at a time
// for every viewer. 0 sets no bound.
func (s *server) withSessionBudget(ctx context.Context) context.Context {
	n := s.cfg.SessionRequests
	if n <= 0 {
		return ctx
	}
	return client.WithRequestBudget(ctx, rate.NewLimiter(rate.Limit(float64(n)/3600), max(1, n/SessionBurst)))
}
