package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/segdash/segdash/client/brazetest"
	"github.com/segdash/segdash/ui/sshserve/sshtest"
)

func TestDemoAPICommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &sshtest.Buffer{}
	var errb sshtest.Buffer
	done := make(chan int, 1)
	go func() {
		a := &app{out: out, errw: &errb, getenv: func(string) string { return "" }, now: time.Now}
		done <- a.run(ctx, []string{"demo-api", "--listen", "127.0.0.1:0", "--segments", "150"})
	}()
	re := regexp.MustCompile(`BRAZE_REST_ENDPOINT=(http://127\.0\.0\.1:\d+)`)
	// "Ctrl+C" ends what demo-api prints at start.
	if !out.WaitFor(5*time.Second, func(s string) bool { return strings.Contains(s, "Ctrl+C") }) {
		t.Fatalf("demo-api printed %q", out.String())
	}
	var base string
	if m := re.FindStringSubmatch(out.String()); m != nil {
		base = m[1]
	}
	if base == "" || !strings.Contains(out.String(), "BRAZE_API_KEY="+brazetest.DemoKey) {
		t.Fatalf("demo-api printed %q", out.String())
	}
	req, _ := http.NewRequest("GET", base+"/segments/list?page=1", nil)
	req.Header.Set("Authorization", "Bearer "+brazetest.DemoKey)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `"segments":[`) {
		t.Errorf("curl-like request: %d %.100s", res.StatusCode, body)
	}
	if !strings.Contains(out.String(), "4 segments break on the newest day (2 fall, 2 jump)") {
		t.Errorf("no planted breaks announced: %q", out.String())
	}
	if !strings.Contains(out.String(), "3 segments tagged ") || !strings.Contains(out.String(), "one incident") {
		t.Errorf("no incident announced: %q", out.String())
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("demo-api did not stop")
	}
	code, _, errs := runSegdash(t, nil, "demo-api", "--listen", "0.0.0.0:0")
	if code != 2 || !strings.Contains(errs, "loopback") {
		t.Errorf("non-loopback listen: %d %q", code, errs)
	}
}
