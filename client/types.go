package client

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// SortDirection orders /segments/list by creation time.
type SortDirection string

// The two sort directions Braze accepts.
const (
	SortAsc  SortDirection = "asc"
	SortDesc SortDirection = "desc"
)

// PageSize is the number of segments Braze returns on a full list page.
const PageSize = 100

// MaxLength is the largest `length` /segments/data_series accepts.
const MaxLength = 100

// Segment is one entry of /segments/list.
type Segment struct {
	ID                       string   `json:"id"`
	Name                     string   `json:"name"`
	AnalyticsTrackingEnabled bool     `json:"analytics_tracking_enabled"`
	Tags                     []string `json:"tags"`
}

// Details is the answer of /segments/details. Every field may be missing;
// missing timestamps are the zero time.
type Details struct {
	Name            string    `json:"name"`
	Description     string    `json:"description"`
	TextDescription string    `json:"text_description"`
	Tags            []string  `json:"tags"`
	Teams           []string  `json:"teams"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// UnmarshalJSON accepts Braze's timestamp forms and tolerates nulls and
// unparseable timestamps (left zero) rather than failing the whole answer.
func (d *Details) UnmarshalJSON(b []byte) error {
	var raw detailsBody
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*d = *raw.details()
	return nil
}

// detailsBody is /segments/details as sent: tags and teams may hold nulls,
// timestamps come in several forms.
type detailsBody struct {
	envelope
	Name            string    `json:"name"`
	Description     string    `json:"description"`
	TextDescription string    `json:"text_description"`
	Tags            []*string `json:"tags"`
	Teams           []*string `json:"teams"`
	CreatedAt       string    `json:"created_at"`
	UpdatedAt       string    `json:"updated_at"`
}

// details is the tolerant reading of the body.
func (b *detailsBody) details() *Details {
	d := &Details{Name: b.Name, Description: b.Description, TextDescription: b.TextDescription,
		Tags: dropEmpty(b.Tags), Teams: dropEmpty(b.Teams)}
	d.CreatedAt, _ = ParseTimestamp(b.CreatedAt)
	d.UpdatedAt, _ = ParseTimestamp(b.UpdatedAt)
	return d
}

// ParseTimestamp parses an ISO-8601 timestamp as Braze writes them,
// including offsets with a one-digit hour such as "-5:00", and date-only
// values (midnight UTC).
func ParseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty timestamp")
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	// Normalise a one-digit-hour offset ("-5:00") to RFC 3339 ("-05:00").
	if n := len(s); n >= 5 && s[n-3] == ':' && (s[n-5] == '+' || s[n-5] == '-') {
		fixed := s[:n-4] + "0" + s[n-4:]
		if t, err := time.Parse(time.RFC3339Nano, fixed); err == nil {
			return t, nil
		}
	}
	// An offset without a colon ("+0000").
	if t, err := time.Parse("2006-01-02T15:04:05.999999999Z0700", s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("unrecognised timestamp %q", s)
}

// Date is a calendar day with no time zone. The API's `time` field is a
// date only, so it is never converted through a time.Location.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns the day n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the day as "2006-01-02".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalJSON writes the day as "2006-01-02".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "2006-01-02"; a full timestamp is accepted and its
// calendar day (as written, not shifted) is kept.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("time: want a date string, got %s", oneLine(string(b), 80))
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Point is one day of a data series.
type Point struct {
	Day  Date  `json:"time"`
	Size int64 `json:"size"`
}

// Series is a segment's daily size series, oldest first.
type Series struct {
	SegmentID string
	Length    int
	// EndingAt is the requested end; zero means "now" on the server.
	EndingAt time.Time
	Points   []Point
	// Duplicates counts the points dropped because their day came twice
	// in the answer with the same size (a day with two sizes is refused),
	// so that a user can be told.
	Duplicates int
	// Warnings are non-fatal `errors` that came with a successful answer.
	Warnings []string
}

// Latest returns the newest point and whether there is one.
func (s *Series) Latest() (Point, bool) {
	if s == nil || len(s.Points) == 0 {
		return Point{}, false
	}
	return s.Points[len(s.Points)-1], true
}

// Rate is the rate-limit state Braze reports on every response. Known is
// false when the headers were absent or empty (as on a 401).
type Rate struct {
	Limit     int
	Remaining int
	Reset     time.Time
	Known     bool
}

// ExhaustedUntil returns when the limit resets while it is used up at now.
func (r Rate) ExhaustedUntil(now time.Time) (time.Time, bool) {
	if r.Known && r.Remaining == 0 && r.Reset.After(now) {
		return r.Reset, true
	}
	return time.Time{}, false
}

// Response carries what the client learnt from an HTTP answer besides its
// decoded body.
type Response struct {
	StatusCode int
	Rate       Rate
	// Warnings are non-fatal `errors` from a success body.
	Warnings []string
	// Date is the API's clock when it answered (its Date header), zero
	// when it sent none: an answer up to now is checked against its day.
	Date time.Time
}
