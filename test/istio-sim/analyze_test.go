// `istioctl validate` on every manifest the lab applies, and `istioctl analyze
// --use-kube=false` on what the cluster holds after each step: the rendered install, the
// lab's own manifests and the learner's files so far. Errors fail; each warning or info
// message must be one this file explains.
package istiosim

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// explained are the analyzer messages the lab is expected to produce, and why they are fine.
var explained = map[string]string{}

var analyzeLine = regexp.MustCompile(`^(Error|Warning|Info) \[(IST\d{4})\] (?:\(([^)]*)\) )?(.*)$`)

type message struct{ Level, Code, Where, Text string }

func (m message) String() string {
	return fmt.Sprintf("%s [%s] (%s) %s", m.Level, m.Code, m.Where, m.Text)
}

// stepInstall is the install in force after step n.
func (l Lab) stepInstall(n int) []string {
	if n >= 2 {
		return l.Reinstall
	}
	return l.Install
}

// rejected lists the files of the lab that `istioctl validate` refuses (the API server's
// webhook would refuse them too, so they never reach the mesh).
func rejected(t testing.TB, l Lab) map[string]string {
	t.Helper()
	out := map[string]string{}
	files := append(append([]string{}, l.Base...), l.filesUpTo(8)...)
	for _, f := range files {
		stdout, stderr, code := istioctl(t, l.Dir, "validate", "-f", f)
		if code != 0 {
			out[f] = strings.TrimSpace(stdout + stderr)
		}
	}
	return out
}

// analyze runs istioctl analyze offline on the cluster's contents after step n.
func analyze(t testing.TB, l Lab, n int, skip map[string]string) []message {
	t.Helper()
	rendered, errOut, code := istioctl(t, l.Dir, append([]string{"manifest", "generate"}, l.stepInstall(n)...)...)
	if code != 0 {
		t.Fatalf("manifest generate: %s", errOut)
	}
	install := filepath.Join(t.TempDir(), "install.yaml")
	if err := os.WriteFile(install, []byte(rendered), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"analyze", "--use-kube=false", "--all-namespaces", install}
	for _, f := range append(append([]string{}, l.Base...), l.filesUpTo(n)...) {
		if _, bad := skip[f]; !bad {
			args = append(args, f)
		}
	}
	stdout, stderr, _ := istioctl(t, l.Dir, args...)
	var msgs []message
	for _, line := range strings.Split(stdout+"\n"+stderr, "\n") {
		if m := analyzeLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			msgs = append(msgs, message{m[1], m[2], m[3], m[4]})
		}
	}
	return msgs
}

// analysisProblems: files validate rejects, analyzer errors, and messages nobody explained.
func analysisProblems(t testing.TB, l Lab) []string {
	t.Helper()
	var p []string
	bad := rejected(t, l)
	for f, why := range bad {
		p = append(p, fmt.Sprintf("istioctl validate rejects %s: %s", f, why))
	}
	for n := 1; n <= 8; n++ { // 8: the finish page's appendix
		for _, m := range analyze(t, l, n, bad) {
			t.Logf("step %d: %s", n, m)
			if m.Level == "Error" {
				p = append(p, fmt.Sprintf("step %d: %s", n, m))
			} else if _, ok := explained[m.Code]; !ok {
				p = append(p, fmt.Sprintf("step %d: unexplained %s", n, m))
			}
		}
	}
	sort.Strings(p)
	return p
}

func TestValidateAndAnalyzeEveryStep(t *testing.T) {
	if p := analysisProblems(t, ScenarioLab()); len(p) > 0 {
		t.Fatalf("istioctl validate / analyze:\n  %s", strings.Join(p, "\n  "))
	}
}

// A control: analyze does report problems in this setup. Step 5's VirtualService without
// step 4's Gateway and DestinationRule names a gateway and a subset that do not exist.
func TestAnalyzeCatchesWhatStep4Provides(t *testing.T) {
	l := ScenarioLab()
	l.Steps = map[int][]string{3: l.Steps[3], 5: l.Steps[5]}
	var codes []string
	for _, m := range analyze(t, l, 5, nil) {
		codes = append(codes, m.Level+" "+m.Code+" "+m.Text)
	}
	got := strings.Join(codes, "\n")
	for _, want := range []string{`Error IST0101 Referenced gateway not found: "worldtime-egress-gw"`, `Error IST0101 Referenced host+subset in destinationrule not found: "istio-egressgateway.istio-system.svc.cluster.local+worldtime"`} {
		if !strings.Contains(got, want) {
			t.Errorf("analyze without step 4: expected %q among:\n%s", want, got)
		}
	}
}
