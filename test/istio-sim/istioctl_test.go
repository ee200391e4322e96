// istioctl built from the very istio.io/istio module this test module requires, so the
// binary, the charts it renders and the control-plane code the simulation runs are one
// version. Built once into the user's cache folder; `go build` relinks only when stale.
package istiosim

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"istio.io/istio/pkg/log"
)

var istioctlBin string

func TestMain(m *testing.M) {
	// The control plane logs every push at info level: thousands of lines per run. Errors only.
	opts := log.DefaultOptions()
	opts.SetDefaultOutputLevel(log.OverrideScopeName, log.ErrorLevel)
	if err := log.Configure(opts); err != nil {
		fmt.Fprintf(os.Stderr, "configuring Istio's logging: %v\n", err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	istioctlBin = filepath.Join(cache, "katarun-istio-sim", "istioctl")
	build := exec.Command("go", "build", "-ldflags=-s -w", "-o", istioctlBin, "istio.io/istio/istioctl/cmd/istioctl")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building istioctl from the istio.io/istio module failed: %v\n", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// istioctl runs the built istioctl offline (no cluster: an empty kubeconfig) and returns
// its standard output, standard error and exit code.
func istioctl(t testing.TB, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(istioctlBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KUBECONFIG="+filepath.Join(t.TempDir(), "no-cluster"), "HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return out.String(), errb.String(), ee.ExitCode()
		}
		t.Fatalf("istioctl %v: %v", args, err)
	}
	return out.String(), errb.String(), 0
}

// render is `istioctl manifest generate` with install's arguments, decoded.
func render(t testing.TB, l Lab, installArgs []string) []Obj {
	t.Helper()
	out, errOut, code := istioctl(t, l.Dir, append([]string{"manifest", "generate"}, installArgs...)...)
	if code != 0 {
		t.Fatalf("istioctl manifest generate %v (in %s) exited %d: %s", installArgs, l.Dir, code, errOut)
	}
	return splitYAML(t, out, "manifest generate output")
}

func find(objs []Obj, kind, ns, name string) Obj {
	for _, o := range objs {
		if o.Kind() == kind && o.Name() == name && (ns == "" || o.Namespace() == ns) {
			return o
		}
	}
	return nil
}
