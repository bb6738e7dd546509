// Package client is a Braze REST client for the segment endpoints: typed
// errors, rate-limit awareness, retries with backoff, and a shared cache.
package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	pathList    = "/segments/list"
	pathSeries  = "/segments/data_series"
	pathDetails = "/segments/details"
)

// Client calls Braze's segment endpoints. It is safe for concurrent use.
type Client struct {
	base        *url.URL
	key         string
	hc          *http.Client
	now         func() time.Time
	sleep       func(context.Context, time.Duration) error
	timeout     time.Duration
	maxRetries  int
	backoff     time.Duration
	maxRateWait time.Duration
	maxBody     int64
	pageAhead   int
	maxPages    int
	userAgent   string
	rate        rateState
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient sets the HTTP client (default: one with a transport of its
// own and no timeout of its own; the per-request timeout applies).
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithClock sets the time source, for tests.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// WithSleep sets how the client waits between retries, for tests that must
// not really sleep. The function must return early with ctx's error.
func WithSleep(sleep func(context.Context, time.Duration) error) Option {
	return func(c *Client) { c.sleep = sleep }
}

// WithTimeout bounds each HTTP attempt (default 15s: a dashboard user
// should not wait longer for one answer; a hung server then frees its
// request slot for a retry or for other requests).
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithRetries sets how many times 5xx and transport failures are retried
// (default 3), and the first backoff (default 500ms, doubling, with jitter).
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *Client) { c.maxRetries, c.backoff = n, backoff }
}

// WithMaxRateWait caps how long a 429 is waited out before the rate-limit
// error is returned to the caller (default 5s).
func WithMaxRateWait(d time.Duration) Option { return func(c *Client) { c.maxRateWait = d } }

// WithMaxBody caps a response body's size (default 8 MiB).
func WithMaxBody(n int64) Option { return func(c *Client) { c.maxBody = n } }

// WithPageConcurrency bounds the list pages fetched at once by a listing
// (default 8; a Cache's MaxInFlight bounds it too, so a cache lists at its
// own width).
func WithPageConcurrency(n int) Option { return func(c *Client) { c.pageAhead = n } }

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// transport is the default transport with enough idle connections kept
// per host for the cache's 16 requests in flight at most: the default
// keeps 2, so a scan would open a new connection for most requests.
func transport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 16
	return t
}

// New returns a client for endpoint (an instance name such as "US-03" or a
// base URL) authenticating with apiKey.
func New(endpoint, apiKey string, opts ...Option) (*Client, error) {
	base, err := ResolveEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	apiKey = strings.TrimSpace(apiKey)
	if apiKey == "" {
		return nil, errors.New("an API key is required")
	}
	if err := CheckKey(apiKey); err != nil {
		return nil, err
	}
	c := &Client{
		base:        base,
		key:         apiKey,
		hc:          &http.Client{Transport: transport()},
		now:         time.Now,
		sleep:       sleepCtx,
		timeout:     15 * time.Second,
		maxRetries:  3,
		backoff:     500 * time.Millisecond,
		maxRateWait: 5 * time.Second,
		maxBody:     8 << 20,
		pageAhead:   8,
		maxPages:    MaxPages,
		userAgent:   "segdash",
	}
	for _, o := range opts {
		o(c)
	}
	if c.pageAhead < 1 {
		c.pageAhead = 1
	}
	c.hc = refusingRedirects(c.hc)
	return c, nil
}

// CloseIdleConnections closes the client's idle keep-alive connections, so
// that nothing of it outlives its user.
func (c *Client) CloseIdleConnections() { c.hc.CloseIdleConnections() }

// BaseURL returns the REST base URL (it never holds the key).
func (c *Client) BaseURL() string { return c.base.String() }

// Rate returns the last rate-limit state the API reported.
func (c *Client) Rate() Rate { return c.rate.get() }

// waitRate waits d for a rate limit to reset, with the request's bound
// (WithRequestTimeout) standing still meanwhile.
func (c *Client) waitRate(ctx context.Context, d time.Duration) error {
	c.noticeRateWait(ctx, d)
	defer pauseBound(ctx)()
	return c.sleep(ctx, d)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// envelope is the common part of every Braze body. Each success body type
// embeds it, so that one pass decodes both.
type envelope struct {
	Message string   `json:"message"`
	Errors  []string `json:"errors"`
}

// minor returns the body's non-fatal errors.
func (e *envelope) minor() []string { return e.Errors }

// answer is a success body: an envelope and the endpoint's own fields.
type answer interface{ minor() []string }

// get calls endpoint with query, retrying as the API's rules allow, and
// decodes a success body into out in one pass.
func (c *Client) get(ctx context.Context, endpoint string, query url.Values, out answer) (*Response, error) {
	var lastErr error
	limited := 0 // 429s in a row: they are waited out, not counted as failed attempts
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if reset, ok := c.rate.exhaustedUntil(c.now()); ok {
			wait := reset.Sub(c.now())
			if wait > c.maxRateWait && !waitsOutRateLimits(ctx) {
				return nil, &Error{Kind: ErrRateLimited, Endpoint: endpoint, Reset: reset,
					Message: "request not sent: the hourly limit is used up"}
			}
			if err := c.waitRate(ctx, wait); err != nil {
				return nil, err
			}
		}
		resp, err := c.once(ctx, endpoint, query, out)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			// The caller gave up: that is no failure of the API, and
			// nothing to retry.
			return nil, ctx.Err()
		}
		lastErr = err
		var e *Error
		if !errors.As(err, &e) {
			return nil, err
		}
		var wait time.Duration
		switch e.Kind {
		case ErrRateLimited:
			w, ok := c.rateWait(ctx, e, limited)
			if !ok {
				return nil, e
			}
			if err := c.waitRate(ctx, w); err != nil {
				return nil, err
			}
			limited, attempt = limited+1, attempt-1
			continue
		case ErrServer, ErrTransport:
			limited = 0
			if attempt >= c.maxRetries {
				return nil, lastErr
			}
			wait = c.backoff << attempt
			wait += time.Duration(rand.Int64N(int64(wait)/2 + 1)) // jitter: up to +50%
		default:
			return nil, err
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// once makes one HTTP attempt.
func (c *Client) once(ctx context.Context, endpoint string, query url.Values, out answer) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	u := *c.base
	u.Path = c.base.Path + endpoint
	u.RawQuery = query.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, c.fail(endpoint, 0, ErrTransport, "", withoutURL(err))
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	res, err := c.hc.Do(req)
	if err != nil {
		var re *redirectError
		if errors.As(err, &re) {
			return nil, c.fail(endpoint, re.status, ErrRedirect, re.Error(), nil)
		}
		return nil, c.fail(endpoint, 0, ErrTransport, transportText(err, c.timeout, false), withoutURL(err))
	}
	defer res.Body.Close()
	resp := &Response{StatusCode: res.StatusCode, Rate: parseRate(res.Header, c.now())}
	if d, err := http.ParseTime(res.Header.Get("Date")); err == nil {
		resp.Date = d
	}
	c.rate.set(resp.Rate)
	body, readErr := io.ReadAll(io.LimitReader(res.Body, c.maxBody+1))
	if readErr != nil {
		kind := ErrTransport
		if res.StatusCode >= 500 {
			kind = ErrServer
		}
		return nil, c.fail(endpoint, res.StatusCode, kind, transportText(readErr, c.timeout, true), fmt.Errorf("reading body: %w", readErr))
	}
	if int64(len(body)) > c.maxBody {
		return nil, c.fail(endpoint, res.StatusCode, ErrDecode, "", fmt.Errorf("body larger than %d bytes", c.maxBody))
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return nil, c.statusError(endpoint, res, resp, body)
	}
	if err := checkJSON(res.Header, body); err != nil {
		return nil, c.fail(endpoint, res.StatusCode, ErrDecode, "", err)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return nil, c.fail(endpoint, res.StatusCode, ErrDecode, "", describeJSONError(err))
	}
	for _, w := range out.minor() {
		resp.Warnings = append(resp.Warnings, c.serverText(w))
	}
	return resp, nil
}

// statusError builds the typed error for a non-2xx answer.
func (c *Client) statusError(endpoint string, res *http.Response, resp *Response, body []byte) error {
	var env envelope
	msg := ""
	if json.Unmarshal(body, &env) == nil {
		msg = env.Message
	} else if looksHTML(body) {
		msg = "the server answered with an HTML page instead of JSON"
	}
	e := c.fail(endpoint, res.StatusCode, kindForStatus(res.StatusCode), msg, nil).(*Error)
	for _, s := range env.Errors {
		e.Errors = append(e.Errors, c.serverText(s))
	}
	if e.Kind == ErrForbidden {
		e.Permission = permissionFor(endpoint)
	}
	if e.Kind != ErrRateLimited {
		return e
	}
	e.Reset = resp.Rate.Reset
	e.retryWait, e.retryKnown = retryAfter(res.Header, c.now())
	if e.retryKnown && e.Reset.IsZero() {
		e.Reset = c.now().Add(e.retryWait)
	}
	return e
}

// fail builds an *Error with the key, and any part of it, redacted from
// every text, and the server's message on one line (serverText).
func (c *Client) fail(endpoint string, status int, kind error, msg string, cause error) error {
	if cause != nil {
		if r := redact(cause.Error(), c.key); r != cause.Error() {
			cause = errors.New(r)
		}
	}
	return &Error{Kind: kind, Endpoint: endpoint, StatusCode: status, Message: c.serverText(msg), Err: cause}
}

// serverText is a text the server sent, as the client passes it on: the
// key redacted first (a cut must not leave part of it), then on one line
// of at most MaxMessage characters, so that a server cannot flood or
// reshape a terminal, a log or the dashboard.
func (c *Client) serverText(s string) string { return oneLine(redact(s, c.key), MaxMessage) }
