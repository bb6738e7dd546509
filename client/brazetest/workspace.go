// Package brazetest is a stand-in for Braze's segment endpoints, in the
// manner of net/http/httptest: a faithful http.Handler over a deterministic
// synthetic workspace, with fault injection and request counters. Tests, the
// demo mode and `segdash demo-api` all use it.
package brazetest

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"time"

	"github.com/segdash/segdash/client"
)

// SegmentSpec is one synthetic segment and the model of its size over time.
type SegmentSpec struct {
	ID          string
	Name        string
	Tags        []string // nil for some segments, as Braze may send
	Tracked     bool
	Archived    bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Description string
	Teams       []string

	base       float64 // size on the reference day
	trend      float64 // relative growth per day
	weekly     float64 // weekly seasonality amplitude (relative)
	stepDay    int     // day index of a step change, relative to refDay
	stepFactor float64 // multiplier from stepDay on
	noise      float64 // relative daily noise
	rolling    float64 // if not 0, the size on the API's newest day is multiplied by this (PlantRollingBreaks)
	planted    bool    // a break was planted on it: no other plant picks it, and no clearing undoes it
	seed       uint64
}

// Workspace is a deterministic synthetic Braze workspace.
type Workspace struct {
	// Segments in creation order, archived ones included.
	Segments []*SegmentSpec
	byID     map[string]*SegmentSpec
}

var refDay = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

var (
	namePrefixes = []string{"Lapsed Users", "Active Users", "High Value Customers", "New Signups",
		"Cart Abandoners", "Push Enabled", "Email Subscribers", "Churn Risk", "VIP", "Trial Users",
		"Dormant Accounts", "Power Users", "Holiday Shoppers", "Android Users", "iOS Users",
		"Web Visitors", "Loyalty Members", "Newsletter Readers", "Referral Champions", "Win-back"}
	nameSuffixes = []string{" - 7 days", " - 30 days", " - 90 days", " (US)", " (EU)", " — APAC",
		" v2", "", " / beta", " (SMS)"}
	unicodeNames = []string{"Café Lovers ☕", "日本のユーザー", "Ünïcödé Fans 🎉", "Клиенты из Москвы",
		"عملاء مميزون", "Zürich Pendler", "🚀 Early Adopters"}
	tagPool = []string{"retention", "onboarding", "marketing", "lifecycle", "growth", "vip", "push",
		"email", "test", "analytics"}
	teamPool = []string{"Growth", "CRM", "Mobile", "Data"}
)

// hash64 derives a stable pseudo-random number from a seed and parts.
func hash64(seed int64, parts ...any) uint64 {
	h := fnv.New64a()
	fmt.Fprint(h, seed)
	for _, p := range parts {
		fmt.Fprint(h, "|", p)
	}
	x := h.Sum64()
	// splitmix64 finaliser for better bit spread
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// unit maps a hash to [0,1).
func unit(x uint64) float64 { return float64(x>>11) / float64(1<<53) }

// NewWorkspace builds n segments from seed. The same seed and n always give
// the same workspace. Among them: some untracked, a few archived, some with
// Unicode names, one with a terminal escape sequence in its name (from the
// 20th on), two sharing a name (from the 12th on), segments of size zero and
// segments of tens of millions.
func NewWorkspace(seed int64, n int) *Workspace {
	w := &Workspace{byID: make(map[string]*SegmentSpec, n)}
	used := map[string]int{}
	created := time.Date(2021, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range n {
		r := func(what string) float64 { return unit(hash64(seed, i, what)) }
		s := &SegmentSpec{seed: hash64(seed, i, "noise")}
		h := hash64(seed, i, "id")
		h2 := hash64(seed, i, "id2")
		s.ID = fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(h), uint16(h>>32), uint16(h>>48)&0xfff,
			0x8000|uint16(h2)&0x3fff, h2>>16&0xffffffffffff)
		switch {
		case i == 11 && n > 11:
			s.Name = w.Segments[3].Name // a real workspace can hold two segments of one name
		case i == 19:
			s.Name = "Imported \x1b[31mred\x1b[0m list\x07"
		case r("unicode") < 0.06 && i > 0:
			s.Name = unicodeNames[int(r("uname")*float64(len(unicodeNames)))]
		default:
			s.Name = namePrefixes[int(r("prefix")*float64(len(namePrefixes)))] +
				nameSuffixes[int(r("suffix")*float64(len(nameSuffixes)))]
		}
		if k := used[s.Name]; k > 0 && i != 11 {
			used[s.Name]++
			s.Name = fmt.Sprintf("%s #%d", s.Name, k+1)
		} else {
			used[s.Name]++
		}
		switch t := r("tags"); {
		case t < 0.1: // no tags at all: Braze may send null
		case t < 0.2:
			s.Tags = []string{}
		default:
			k := 1 + int(r("ntags")*3)
			for j := range k {
				tag := tagPool[int(unit(hash64(seed, i, "tag", j))*float64(len(tagPool)))]
				if !slices.Contains(s.Tags, tag) {
					s.Tags = append(s.Tags, tag)
				}
			}
		}
		// The first segment is tracked and not empty, so that a new user's
		// first chart (the cursor starts there) shows something.
		s.Tracked = i == 0 || r("tracked") > 0.12
		s.Archived = i > 5 && r("archived") < 0.03
		s.CreatedAt = created
		created = created.Add(time.Duration(1+int(r("gap")*20)) * time.Hour)
		s.UpdatedAt = s.CreatedAt.Add(time.Duration(r("upd")*2000) * time.Hour)
		if r("team") < 0.5 {
			s.Teams = []string{teamPool[int(r("teamname")*float64(len(teamPool)))]}
		}
		s.Description = fmt.Sprintf("Users matching filter set #%d (last used in %d days)", i+1, 1+int(r("desc")*30))
		if r("zero") < 0.04 && i > 0 {
			s.base = 0
		} else {
			s.base = math.Pow(10, 1+r("base")*6.6) // 10 .. ~40M
		}
		s.trend = (r("trend") - 0.45) * 0.004
		s.weekly = r("weekly") * 0.08
		s.stepDay = -400 + int(r("stepday")*1500)
		s.stepFactor = 1
		if r("step") < 0.35 {
			s.stepFactor = 0.6 + r("stepf")*0.9
		}
		s.noise = 0.002 + r("noisef")*0.01
		w.Segments = append(w.Segments, s)
		w.byID[s.ID] = s
	}
	return w
}

// Lookup returns the segment with id, archived or not.
func (w *Workspace) Lookup(id string) (*SegmentSpec, bool) {
	s, ok := w.byID[id]
	return s, ok
}

// Listed returns the segments /segments/list shows (not archived), in
// creation order.
func (w *Workspace) Listed() []*SegmentSpec {
	out := make([]*SegmentSpec, 0, len(w.Segments))
	for _, s := range w.Segments {
		if !s.Archived {
			out = append(out, s)
		}
	}
	return out
}

// SizeOn returns the segment's estimated size on day d: zero before it was
// created, otherwise trend × weekly seasonality × step × noise.
func (s *SegmentSpec) SizeOn(d client.Date) int64 {
	if d.Time().Before(client.DateOf(s.CreatedAt).Time()) || s.base == 0 {
		return 0
	}
	day := int(d.Time().Sub(refDay).Hours() / 24)
	v := s.base * math.Pow(1+s.trend, float64(day))
	v *= 1 + s.weekly*math.Sin(2*math.Pi*float64(d.Time().Weekday())/7)
	if day >= s.stepDay {
		v *= s.stepFactor
	}
	v *= 1 + s.noise*(2*unit(hash64(int64(s.seed), day))-1)
	if v > 5e8 {
		v = 5e8
	}
	return int64(math.Round(max(v, 0)))
}

// drifted is size, the newest day's, as estimated at now: it moves by up
// to half the segment's daily noise, to a new value every drift, so that
// the move stays well inside what the anomaly detector takes for noise and
// a planted break stays a break.
func (s *SegmentSpec) drifted(size int64, now time.Time, drift time.Duration) int64 {
	step := now.UnixNano() / int64(drift)
	f := 1 + 0.5*s.noise*(2*unit(hash64(int64(s.seed), "drift", step))-1)
	return int64(math.Round(float64(size) * f))
}
