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

// demoAPI is a `segdash demo-api` running in the test.
type demoAPI struct {
	base string          // its BRAZE_REST_ENDPOINT
	out  *sshtest.Buffer // what it printed
	stop func() int      // ends it and returns its exit code
}

// startDemoAPI runs `segdash demo-api --listen 127.0.0.1:0 args...` until
// it has printed how to use it.
func startDemoAPI(t *testing.T, args ...string) demoAPI {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	out := &sshtest.Buffer{}
	var errb sshtest.Buffer
	done := make(chan int, 1)
	go func() {
		a := &app{out: out, errw: &errb, getenv: func(string) string { return "" }, now: time.Now}
		done <- a.run(ctx, append([]string{"demo-api", "--listen", "127.0.0.1:0"}, args...))
	}()
	// "Ctrl+C" ends what demo-api prints at start.
	if !out.WaitFor(5*time.Second, func(s string) bool { return strings.Contains(s, "Ctrl+C") }) {
		t.Fatalf("demo-api printed %q, %q", out.String(), errb.String())
	}
	m := regexp.MustCompile(`BRAZE_REST_ENDPOINT=(http://127\.0\.0\.1:\d+)`).FindStringSubmatch(out.String())
	if m == nil || !strings.Contains(out.String(), "BRAZE_API_KEY="+brazetest.DemoKey) {
		t.Fatalf("demo-api printed %q", out.String())
	}
	stop := func() int {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("exit %d: %s", code, errb.String())
			}
			return code
		case <-time.After(5 * time.Second):
			t.Fatal("demo-api did not stop")
			return -1
		}
	}
	return demoAPI{base: m[1], out: out, stop: stop}
}

// get asks the demo API for path with the demo key, as curl would.
func (d demoAPI) get(t *testing.T, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", d.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+brazetest.DemoKey)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, string(body)
}

func TestDemoAPICommand(t *testing.T) {
	d := startDemoAPI(t, "--segments", "150")
	if code, body := d.get(t, "/segments/list?page=1"); code != 200 || !strings.Contains(body, `"segments":[`) {
		t.Errorf("curl-like request: %d %.100s", code, body)
	}
	if !strings.Contains(d.out.String(), "4 segments break on the newest day (2 fall, 2 jump)") {
		t.Errorf("no planted breaks announced: %q", d.out.String())
	}
	if !strings.Contains(d.out.String(), "3 segments tagged ") || !strings.Contains(d.out.String(), "one incident") {
		t.Errorf("no incident announced: %q", d.out.String())
	}
	d.stop()
	code, _, errs := runSegdash(t, nil, "demo-api", "--listen", "0.0.0.0:0")
	if code != 2 || !strings.Contains(errs, "loopback") {
		t.Errorf("non-loopback listen: %d %q", code, errs)
	}
}

// TestDemoAPIFaults: --fault makes the share --fault-rate of the requests
// fail as it says, --rate-limit bounds the key's hour, and each is told at
// start; --fault-rate alone is a usage error.
func TestDemoAPIFaults(t *testing.T) {
	d := startDemoAPI(t, "--segments", "50", "--fault", "503", "--fault-rate", "1", "--rate-limit", "3")
	for _, want := range []string{"100% of the requests answer --fault 503", "may send 3 requests an hour (--rate-limit)"} {
		if !strings.Contains(d.out.String(), want) {
			t.Errorf("not told %q: %q", want, d.out.String())
		}
	}
	for range 3 {
		if code, body := d.get(t, "/segments/list"); code != 503 || !strings.Contains(body, `"message"`) {
			t.Errorf("--fault 503 at rate 1: %d %.100s", code, body)
		}
	}
	if code, _ := d.get(t, "/segments/list"); code != 429 {
		t.Errorf("the fourth request of an hour of 3: %d, want 429", code)
	}
	d.stop()

	for _, args := range [][]string{{"--fault-rate", "0.5"}, {"--fault", "404"}, {"--fault", "503", "--fault-rate", "0"}} {
		code, _, errs := runSegdash(t, nil, append([]string{"demo-api", "--listen", "127.0.0.1:0"}, args...)...)
		if code != 2 || !strings.Contains(errs, "--fault") {
			t.Errorf("demo-api %v: exit %d, %q", args, code, errs)
		}
	}
}
