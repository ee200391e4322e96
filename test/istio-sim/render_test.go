// What `istioctl manifest generate` renders for step 2's install command: the egress
// gateway, the mesh-wide settings and the ingress NodePort the lab depends on. On the
// seed's flags-only re-install the same checks name what that command loses.
package istiosim

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// meshConfig is the `mesh` key of the rendered istio ConfigMap, decoded.
func meshConfig(t testing.TB, objs []Obj) (text string, m Obj) {
	t.Helper()
	cm := find(objs, "ConfigMap", "istio-system", "istio")
	if cm == nil {
		t.Fatal("the render has no ConfigMap istio-system/istio")
	}
	text = cm.str("data", "mesh")
	if err := yaml.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("mesh config: %v", err)
	}
	return text, m
}

func servicePort(svc Obj, name string) Obj {
	ports, _ := svc.get("spec", "ports").([]any)
	for _, p := range ports {
		if po, ok := p.(map[string]any); ok && po["name"] == name {
			return Obj(po)
		}
	}
	return nil
}

func num(v any) string { return fmt.Sprint(v) }

// installProblems lists how a render differs from what the lab needs after step 2.
func installProblems(t testing.TB, objs []Obj) []string {
	t.Helper()
	var p []string
	dep := find(objs, "Deployment", "istio-system", "istio-egressgateway")
	if dep == nil {
		p = append(p, "no egress gateway Deployment")
	} else if dep.str("spec", "template", "metadata", "labels", "istio") != "egressgateway" {
		p = append(p, "the egress gateway pods are not labelled istio: egressgateway")
	}
	if svc := find(objs, "Service", "istio-system", "istio-egressgateway"); svc == nil {
		p = append(p, "no egress gateway Service")
	} else {
		if svc.str("spec", "selector", "istio") != "egressgateway" {
			p = append(p, "the egress gateway Service does not select istio: egressgateway")
		}
		for name, want := range map[string][2]string{"http2": {"80", "8080"}, "https": {"443", "8443"}} {
			port := servicePort(svc, name)
			if port == nil || num(port["port"]) != want[0] || num(port["targetPort"]) != want[1] {
				p = append(p, fmt.Sprintf("egress gateway port %s is not %s->%s: %v", name, want[0], want[1], port))
			}
		}
	}
	_, mesh := meshConfig(t, objs)
	if mesh.str("outboundTrafficPolicy", "mode") != "REGISTRY_ONLY" {
		p = append(p, fmt.Sprintf("outboundTrafficPolicy is %q, not REGISTRY_ONLY", mesh.str("outboundTrafficPolicy", "mode")))
	}
	if mesh.str("accessLogFile") != "/dev/stdout" {
		p = append(p, "no access log (accessLogFile is not /dev/stdout)")
	}
	sel, _ := mesh.get("discoverySelectors").([]any)
	if !strings.Contains(fmt.Sprint(sel), "katarun.dev/outside-mesh") {
		p = append(p, "no discoverySelectors: the outside-world namespace becomes part of Istio's registry")
	}
	ingress := find(objs, "Service", "istio-system", "istio-ingressgateway")
	if ingress == nil {
		p = append(p, "no ingress gateway Service")
	} else if port := servicePort(ingress, "http2"); port == nil || num(port["nodePort"]) != "30080" {
		p = append(p, fmt.Sprintf("the ingress Service (type %s) names no nodePort 30080 for http2", ingress.str("spec", "type")))
	}
	return p
}

func TestRenderStep2InstallKeepsWhatTheLabNeeds(t *testing.T) {
	l := ScenarioLab()
	objs := render(t, l, l.Reinstall)
	if p := installProblems(t, objs); len(p) > 0 {
		t.Fatalf("istioctl manifest generate %v:\n  %s", l.Reinstall, strings.Join(p, "\n  "))
	}
	// Setup's own install renders no egress gateway: step 2 is where it appears.
	if find(render(t, l, l.Install), "Deployment", "istio-system", "istio-egressgateway") != nil {
		t.Error("setup's install already renders an egress gateway")
	}
}

func TestRenderSeedReinstallLosesTheSettings(t *testing.T) {
	l := SeedLab()
	got := installProblems(t, render(t, l, l.Reinstall))
	t.Logf("the seed's flags-only re-install (istioctl install %s) renders:\n  %s", strings.Join(l.Reinstall, " "), strings.Join(got, "\n  "))
	for _, want := range []string{"not REGISTRY_ONLY", "no access log", "no discoverySelectors", "names no nodePort 30080"} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("expected the seed's re-install to lose %q; problems found: %v", want, got)
		}
	}
	// What it keeps: the egress gateway itself renders as the lab needs it.
	for _, s := range got {
		if strings.Contains(s, "egress gateway") {
			t.Errorf("the seed's re-install should render the egress gateway correctly: %s", s)
		}
	}
}
