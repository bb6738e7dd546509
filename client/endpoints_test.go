package client

import (
	"errors"
	"strings"
	"testing"
)

func TestResolveEndpoint(t *testing.T) {
	ok := map[string]string{
		"US-03":                              "https://rest.iad-03.braze.com",
		"us-08":                              "https://rest.iad-08.braze.com",
		"iad-01":                             "https://rest.iad-01.braze.com",
		"US-10":                              "https://rest.us-10.braze.com",
		"iad-10":                             "https://rest.us-10.braze.com",
		"EU-01":                              "https://rest.fra-01.braze.eu",
		"fra-02":                             "https://rest.fra-02.braze.eu",
		"AU-01":                              "https://rest.au-01.braze.com",
		" https://rest.iad-03.braze.com/ ":   "https://rest.iad-03.braze.com",
		"https://proxy.example.com/braze/":   "https://proxy.example.com/braze",
		"http://127.0.0.1:8080":              "http://127.0.0.1:8080",
		"http://localhost:9000/base":         "http://localhost:9000/base",
		"http://[::1]:9000":                  "http://[::1]:9000",
		"HTTPS://REST.IAD-03.BRAZE.COM":      "https://REST.IAD-03.BRAZE.COM",
		"https://rest.iad-03.braze.com:8443": "https://rest.iad-03.braze.com:8443",
	}
	for in, want := range ok {
		u, err := ResolveEndpoint(in)
		if err != nil {
			t.Errorf("ResolveEndpoint(%q): %v", in, err)
			continue
		}
		if u.String() != want {
			t.Errorf("ResolveEndpoint(%q) = %q, want %q", in, u, want)
		}
	}
	bad := map[string]string{
		"":                             "empty",
		"US-09":                        "unknown Braze instance",
		"EU-03":                        "unknown Braze instance",
		"banana":                       "neither an instance name",
		"http://rest.iad-03.braze.com": "only allowed for loopback",
		"http://10.0.0.1":              "only allowed for loopback",
		"ftp://x.example.com":          "not supported",
		"https://user:pw@x.example":    "credentials",
		"https://x.example.com/?a=1":   "query",
		"https:///nohost":              "not a URL with a host",
	}
	for in, want := range bad {
		_, err := ResolveEndpoint(in)
		if err == nil || !errors.Is(err, ErrEndpoint) || !strings.Contains(err.Error(), want) {
			t.Errorf("ResolveEndpoint(%q) = %v, want an ErrEndpoint saying %q", in, err, want)
		}
	}
}

func FuzzResolveEndpoint(f *testing.F) {
	for _, s := range []string{"US-03", "iad-03", "https://a.b/c", "http://127.0.0.1:1", "http://x", "%zz", "EU-9", "http://[::1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ResolveEndpoint(s)
		if err != nil {
			if !errors.Is(err, ErrEndpoint) {
				t.Fatalf("error not ErrEndpoint: %v", err)
			}
			return
		}
		switch u.Scheme {
		case "https":
		case "http":
			if !IsLoopback(u.Hostname()) {
				t.Fatalf("accepted plain http to %q", u.Host)
			}
		default:
			t.Fatalf("accepted scheme %q", u.Scheme)
		}
		if u.Host == "" || u.RawQuery != "" || u.User != nil {
			t.Fatalf("accepted %q", u)
		}
	})
}

func TestParseTimestamp(t *testing.T) {
	cases := map[string]string{
		"2022-12-14T00:00:00-5:00":  "2022-12-14T05:00:00Z",
		"2022-12-14T00:00:00+05:30": "2022-12-13T18:30:00Z",
		"2022-11-29T14:59:02+00:00": "2022-11-29T14:59:02Z",
		"2022-12-14":                "2022-12-14T00:00:00Z",
		"2022-12-14T10:00:00Z":      "2022-12-14T10:00:00Z",
		"2022-12-14T10:00:00+0100":  "2022-12-14T09:00:00Z",
	}
	for in, want := range cases {
		got, err := ParseTimestamp(in)
		if err != nil || got.UTC().Format("2006-01-02T15:04:05Z07:00") != want {
			t.Errorf("ParseTimestamp(%q) = %v, %v; want %s", in, got.UTC(), err, want)
		}
	}
	for _, in := range []string{"", "yesterday", "2022-13-01", "2022-12-14T25:00:00Z"} {
		if _, err := ParseTimestamp(in); err == nil {
			t.Errorf("ParseTimestamp(%q) succeeded", in)
		}
	}
}
