package client

// WithMaxPages lowers the listing's page bound, for tests that must not
// send 1,000 requests to see it.
func WithMaxPages(n int) Option { return func(c *Client) { c.maxPages = n } }
