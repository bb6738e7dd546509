package client

import "context"

// RequestBudget bounds the requests one caller of a shared cache may cause
// (under `segdash serve`, one SSH session: so that no one viewer can spend
// the workspace's shared hourly API budget). *rate.Limiter is one.
type RequestBudget interface {
	// Wait blocks until the caller may send one more request; it fails
	// when ctx ends first, or would end before then.
	Wait(ctx context.Context) error
}

// budgetKey is the context key of WithRequestBudget's budget.
type budgetKey struct{}

// WithRequestBudget returns ctx carrying b: each request the cache sends
// for a caller on ctx first waits for b, before it takes a request slot
// (so a caller over its budget never holds a slot the others need).
// Answers from memory, and requests another caller already made, cost
// nothing. The budget travels as a value, so it reaches the cache's shared
// fetches, which keep the first caller's values.
func WithRequestBudget(ctx context.Context, b RequestBudget) context.Context {
	return context.WithValue(ctx, budgetKey{}, b)
}

// spendBudget waits for the budget WithRequestBudget put on ctx, if any. A
// budget that cannot be had in ctx's time is a rate-limit error of the
// caller's own, not the API's.
func spendBudget(ctx context.Context) error {
	b, ok := ctx.Value(budgetKey{}).(RequestBudget)
	if !ok {
		return nil
	}
	if err := b.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &Error{Kind: ErrRateLimited, Endpoint: "session",
			Message: "this session's share of the workspace's hourly API budget is used up for now; try again in a few minutes", Err: err}
	}
	return nil
}
