// The istio-egress lab as data: which files the learner applies at which step, how Istio is
// installed, and the host names the steps teach. The same checks run on two labs: the
// scenario's (assets/istio-egress, they must pass) and the seed's original exercise as it
// was written (testdata/seed, they must fail, which proves they can).
package istiosim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// Lab is one version of the exercise.
type Lab struct {
	Name string
	// Dir holds every file named below.
	Dir string
	// Install is what setup runs before step 1 (istioctl install's arguments minus -y);
	// Reinstall is step 2's command, the one that adds the egress gateway.
	Install, Reinstall []string
	// Base are the lab's own manifests (namespaces, workloads, Services, ingress routing).
	Base []string
	// Steps maps a step number to the files the learner applies in it.
	Steps map[int][]string
	// Host is the external HTTP host of steps 3-6 and SecureHost the TLS one of step 7.
	// DNS maps a name to the Service ("name.namespace") the cluster's DNS answers it with
	// (the lab's CoreDNS rewrite); a name it does not map resolves to an address outside
	// the cluster (externalTestAddr).
	Host, SecureHost string
	DNS              map[string]string
	// Subset is the DestinationRule subset the mesh route of step 5 should use ("" = none).
	Subset, SecureSubset string
	// HopPort is the egress gateway Service port the mesh route uses (80 unless set);
	// GatewayMTLS: the gateway's server for Host expects Istio mutual TLS on 443.
	HopPort     int
	GatewayMTLS bool
}

const (
	egressFQDN       = "istio-egressgateway.istio-system.svc.cluster.local"
	externalTestAddr = "203.0.113.10"
)

var step2Flags = []string{"--set", "components.egressGateways[0].name=istio-egressgateway", "--set", "components.egressGateways[0].enabled=true"}

func repoPath(p ...string) string {
	return filepath.Join(append([]string{"..", ".."}, p...)...)
}

// ScenarioLab is what the istio-egress scenario teaches.
func ScenarioLab() Lab {
	return Lab{
		Name:      "scenario",
		Dir:       repoPath("assets", "istio-egress"),
		Install:   []string{"-f", "istio-install.yaml"},
		Reinstall: append([]string{"-f", "istio-install.yaml"}, step2Flags...),
		Base: []string{
			"manifests/namespaces.yaml", "manifests/outside-world.yaml", "manifests/service-a.yaml",
			"manifests/service-b.yaml", "manifests/service-c.yaml", "manifests/ingress.yaml", "manifests/producer-split.yaml",
		},
		Steps: map[int][]string{
			3: {"egress/worldtime-serviceentry.yaml"},
			4: {"egress/egress-gateway.yaml"},
			5: {"egress/worldtime-through-egress-vs.yaml"},
			7: {"egress/tls-passthrough.yaml"},
			// The finish page's optional appendix: the same path to a real internet host.
			8: {"egress/appendix-real-host.yaml"},
		},
		DNS:          coreDNSRewrites(repoPath("assets", "istio-egress", "setup", "external-names.corefile")),
		Host:         "api.worldtime.example",
		SecureHost:   "secure.worldtime.example",
		Subset:       "worldtime",
		SecureSubset: "secure-api",
	}
}

// SeedLab is the original exercise: its install flags and its manifests as the seed
// documents show them (testdata/seed/README.md), on the scenario's own workloads.
func SeedLab() Lab {
	s := ScenarioLab()
	base := make([]string, len(s.Base))
	for i, b := range s.Base {
		base[i] = filepath.Join("..", "..", "..", "..", "assets", "istio-egress", b)
	}
	return Lab{
		Name: "seed",
		Dir:  filepath.Join("testdata", "seed"),
		// The course's own install (its step 4) and its egress step's re-install, flags only.
		Install:   []string{"--set", "meshConfig.accessLogFile=/dev/stdout", "--set", "meshConfig.outboundTrafficPolicy.mode=REGISTRY_ONLY"},
		Reinstall: step2Flags,
		Base:      base,
		Steps: map[int][]string{
			3: {"worldtime-host-se.yml"},
			4: {"worldtime-gw.yml"},
			5: {"outbound-srv-c-to-worldtime-vs.yml"},
			7: {filepath.Join("..", "..", "..", "istio", "fixtures", "seed-000-as-printed.yaml")},
		},
		Host:         "worldtimeapi.org",
		SecureHost:   "wikipedia.org",
		Subset:       "",
		SecureSubset: "",
	}
}

// coreDNSRewrites reads the lab's CoreDNS rules (`rewrite name exact NAME SERVICE.NS.svc.cluster.local`)
// into NAME -> "SERVICE.NS": the same file setup puts into the cluster's Corefile.
func coreDNSRewrites(file string) map[string]string {
	b, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 5 && f[0] == "rewrite" && f[1] == "name" && f[2] == "exact" && strings.HasSuffix(f[4], ".svc.cluster.local") {
			out[f[3]] = strings.TrimSuffix(f[4], ".svc.cluster.local")
		}
	}
	return out
}

// address is where the application's DNS lookup of host leads in world w.
func (l Lab) address(w world, host string) string {
	if svc, ok := l.DNS[host]; ok {
		if ip, ok := w.serviceIPs[svc]; ok {
			return ip
		}
	}
	return externalTestAddr
}

// Files applied up to and including step n, in order.
func (l Lab) filesUpTo(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, l.Steps[i]...)
	}
	return out
}

func (l Lab) path(f string) string { return filepath.Join(l.Dir, f) }

// Obj is one YAML document, decoded loosely.
type Obj map[string]any

func (o Obj) str(path ...string) string {
	v, _ := o.get(path...).(string)
	return v
}

func (o Obj) get(path ...string) any {
	var cur any = map[string]any(o)
	for _, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[p]
	}
	return cur
}

func (o Obj) Kind() string      { return o.str("kind") }
func (o Obj) Name() string      { return o.str("metadata", "name") }
func (o Obj) Namespace() string { return o.str("metadata", "namespace") }
func (o Obj) IsIstio() bool     { return strings.Contains(o.str("apiVersion"), "istio.io/") }

// splitYAML decodes every document of a multi-document YAML text (empty ones dropped).
func splitYAML(t testing.TB, text, where string) []Obj {
	t.Helper()
	var out []Obj
	for _, doc := range strings.Split("\n"+text, "\n---") {
		if strings.TrimSpace(doc) == "" {
			continue
		}
		var o Obj
		if err := yaml.Unmarshal([]byte(doc), &o); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		if len(o) > 0 {
			out = append(out, o)
		}
	}
	return out
}

func readObjs(t testing.TB, file string) []Obj {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return splitYAML(t, string(b), file)
}
