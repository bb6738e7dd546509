package cli

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadBuildFacts(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.99.1", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name    string
		stamped string
		bi      *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"module version", "", bi, true, "segdash v1.2.3\ncommit:   abc123 (2026-01-02T03:04:05Z, modified)\ngo:       go1.99.1\n"},
		{"stamped wins", "v2.0.0", bi, true, "segdash v2.0.0\n"},
		{"devel checkout", "", &debug.BuildInfo{GoVersion: "go1.99.1", Main: debug.Module{Version: "(devel)"}}, true, "segdash dev\ngo:       go1.99.1\n"},
		{"no build info", "", nil, false, "segdash dev\ngo:       " + runtime.Version() + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ReadBuildFacts(tt.stamped, tt.bi, tt.ok).String()
			if !strings.HasPrefix(got, tt.want) {
				t.Errorf("got\n%s\nwant prefix\n%s", got, tt.want)
			}
			if !strings.HasSuffix(got, "platform: "+runtime.GOOS+"/"+runtime.GOARCH+"\n") {
				t.Errorf("no platform line:\n%s", got)
			}
		})
	}
}
