package client

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ListSegments fetches one page (0-based) of /segments/list. Up to PageSize
// segments come back; a short or empty page is the last one.
func (c *Client) ListSegments(ctx context.Context, page int, dir SortDirection) ([]Segment, *Response, error) {
	if page < 0 {
		return nil, nil, &Error{Kind: ErrInvalidArgument, Endpoint: pathList, Message: "page must be 0 or more"}
	}
	if dir == "" {
		dir = SortAsc
	}
	if dir != SortAsc && dir != SortDesc {
		return nil, nil, &Error{Kind: ErrInvalidArgument, Endpoint: pathList, Message: fmt.Sprintf("sort direction %q: want asc or desc", dir)}
	}
	q := url.Values{"page": {strconv.Itoa(page)}, "sort_direction": {string(dir)}}
	var body struct {
		envelope
		Segments []wireSegment `json:"segments"`
	}
	resp, err := c.get(ctx, pathList, q, &body)
	if err != nil {
		return nil, resp, err
	}
	segs := make([]Segment, len(body.Segments))
	for i, w := range body.Segments {
		segs[i] = Segment{ID: w.ID, Name: w.Name, AnalyticsTrackingEnabled: w.AnalyticsTrackingEnabled, Tags: dropEmpty(w.Tags)}
	}
	return segs, resp, nil
}

// wireSegment is a segment as /segments/list sends it: tags may be null,
// absent, or hold null entries. It has no UnmarshalJSON of its own, so each
// segment is decoded in the one pass over the page.
type wireSegment struct {
	ID                       string    `json:"id"`
	Name                     string    `json:"name"`
	AnalyticsTrackingEnabled bool      `json:"analytics_tracking_enabled"`
	Tags                     []*string `json:"tags"`
}

// dropEmpty keeps the tags that are neither null nor empty.
func dropEmpty(in []*string) []string {
	var out []string
	for _, s := range in {
		if s != nil && *s != "" {
			out = append(out, *s)
		}
	}
	return out
}

// AllSegments lists every segment, oldest first, without duplicates, with
// up to WithPageConcurrency pages in flight, ending at the first short or
// empty page (see Cache.Segments for a listing that shares the cache's
// request slots and knows the page count of the last listing).
// progress, if not nil, is called with the number of segments known so far
// whenever it grows.
func (c *Client) AllSegments(ctx context.Context, progress func(loaded int)) ([]Segment, error) {
	p := &pager{
		fetch: func(ctx context.Context, page int) ([]Segment, error) {
			segs, _, err := c.ListSegments(ctx, page, SortAsc)
			return segs, err
		},
		ahead: c.pageAhead, maxPages: c.maxPages, got: map[int][]Segment{},
	}
	if progress != nil {
		p.progress = func(sofar []Segment) { progress(len(sofar)) }
	}
	return p.run(ctx)
}

// SegmentDetails fetches /segments/details for one segment.
func (c *Client) SegmentDetails(ctx context.Context, segmentID string) (*Details, *Response, error) {
	if err := checkSegmentID(pathDetails, segmentID); err != nil {
		return nil, nil, err
	}
	var body detailsBody
	resp, err := c.get(ctx, pathDetails, url.Values{"segment_id": {segmentID}}, &body)
	if err != nil {
		return nil, resp, err
	}
	return body.details(), resp, nil
}

// DataSeries fetches up to length (1..100) daily sizes of a segment ending
// before endingAt; a zero endingAt lets the server use the time of the
// request. Arguments are validated before any request is sent.
func (c *Client) DataSeries(ctx context.Context, segmentID string, length int, endingAt time.Time) (*Series, *Response, error) {
	if err := checkSegmentID(pathSeries, segmentID); err != nil {
		return nil, nil, err
	}
	if err := CheckLength(length); err != nil {
		return nil, nil, &Error{Kind: ErrInvalidArgument, Endpoint: pathSeries, Message: err.Error()}
	}
	q := url.Values{"segment_id": {segmentID}, "length": {strconv.Itoa(length)}}
	if !endingAt.IsZero() {
		q.Set("ending_at", endingAt.Format(time.RFC3339))
	}
	var body struct {
		envelope
		Data []wirePoint `json:"data"`
	}
	resp, err := c.get(ctx, pathSeries, q, &body)
	if err != nil {
		return nil, resp, err
	}
	points, err := wirePoints(body.Data)
	if err != nil {
		return nil, resp, c.fail(pathSeries, resp.StatusCode, ErrDecode, "", err)
	}
	points, dropped, err := CleanPoints(points, length)
	var stale string
	switch {
	case err != nil:
	case endingAt.IsZero():
		stale, err = checkRecentDays(points, length, resp.Date)
	default:
		err = checkDays(points, length, endingAt)
	}
	if err != nil {
		return nil, resp, c.fail(pathSeries, resp.StatusCode, ErrDecode, "", err)
	}
	s := &Series{SegmentID: segmentID, Length: length, EndingAt: endingAt, Points: points,
		Duplicates: dropped, Warnings: resp.Warnings}
	if stale != "" {
		s.Warnings = append(slices.Clip(s.Warnings), stale)
	}
	return s, resp, nil
}

// CheckLength validates a data-series length.
func CheckLength(length int) error {
	if length < 1 || length > MaxLength {
		return fmt.Errorf("length %d is out of range: Braze accepts 1..%d days", length, MaxLength)
	}
	return nil
}

func checkSegmentID(endpoint, id string) error {
	if strings.TrimSpace(id) == "" {
		return &Error{Kind: ErrInvalidArgument, Endpoint: endpoint, Message: "a segment id is required"}
	}
	return nil
}
