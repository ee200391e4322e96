// The harness's checks run on the seed's original exercise (testdata/seed/README.md) must
// fail, and where they fail says what the scenario fixed. A check that cannot fail proves
// nothing: this is the run that shows these can.
package istiosim

import (
	"slices"
	"strings"
	"testing"
)

func containsLike(list []string, part string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.Contains(s, part) })
}

func TestSeedFailsValidation(t *testing.T) {
	p := analysisProblems(t, SeedLab())
	t.Logf("on the seed:\n  %s", strings.Join(p, "\n  "))
	// The book's TLS example as printed (typographic dashes) is not a valid VirtualService.
	if !containsLike(p, "istioctl validate rejects ../../../istio/fixtures/seed-000-as-printed.yaml") {
		t.Errorf("expected istioctl validate to reject the seed's TLS example as printed; got %v", p)
	}
}

func TestSeedFailsRouting(t *testing.T) {
	_, p := routingProblems(t, SeedLab())
	t.Logf("on the seed:\n  %s", strings.Join(p, "\n  "))
	if len(p) == 0 {
		t.Fatal("the routing checks passed on the seed's exercise: they prove nothing")
	}
	// The flags-only re-install of step 2 drops REGISTRY_ONLY: the host is no longer blocked.
	if !containsLike(p, "step 2: ServiceC's HTTP call goes to PassthroughCluster") {
		t.Errorf("expected step 2 to fail on the seed (ALLOW_ANY after the flags-only re-install); got %v", p)
	}
	// Its TLS example never reaches the mesh, so step 7 has no SNI route.
	if !containsLike(p, "step 7: ServiceC's TLS call") {
		t.Errorf("expected step 7 to fail on the seed; got %v", p)
	}
}
