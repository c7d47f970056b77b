"""What Plymouth's contract manager can measure from a case record system's events.

Deadlines a logged event discharges: services commenced the same day as an emergency
referral (the commencement discharges it), the first review "initially within 28 days of
the commencement of delivery", the Council's documents within 5 working days of
commencement, the escalation ladder (3.3: the nominated manager after three working days
without a reply, the Commissioning Team after "a further three working days", each step
counted from when the previous one actually happened), written notice of a significant
or notifiable event within 24 hours, the provider's week's notice before a package ends,
and notice of a Business Continuity Plan activation within 5 Business Days. Dated
obligations a logged submission meets: the monitoring information 5 working days before
each contract review meeting, the meetings themselves, and the three quarterly reports
of 8.1 (one event kind, ``quarterly-report-submitted``, whose ``reference`` names the
report).

No KPI is computed from events: 8.1's one KPI ("100% of policies reviewed / updated
within appropriate timescale") is about policy documents, computed by
:func:`childcare_commissioning_plymouth.policy_kpi`; compliments and complaints are counts
with no target. The "immediately" duties, the planning meeting "where required" and the
Council's practical matters stay for monitoring visits.

Declared here, outside the plugin's ``CouncilSpec``, until the spec references it as
``monitoring=MONITORING``.
"""

from __future__ import annotations

from childcare_commissioning.monitoring import Completion, Monitoring, Submission

__all__ = ["MONITORING"]

MONITORING = Monitoring(
    completions=(
        Completion("emergency-commencement", "package-commenced"),
        Completion("first-review", "review-held"),
        Completion("council-documents", "documents-provided"),
        Completion("escalate-to-manager", "manager-emailed"),
        Completion("escalate-to-commissioning", "commissioning-team-emailed"),
        Completion("notify-in-writing", "written-notice-given"),
        Completion("provider-notice-to-end", "notice-given"),
        Completion("bcp-activation-notice", "bcp-notice-given"),
    ),
    submissions=(
        Submission("monitoring-information", "monitoring-information-submitted"),
        Submission("contract-review-meeting", "contract-review-held"),
        Submission("policies-report", "quarterly-report-submitted"),
        Submission("compliments-report", "quarterly-report-submitted"),
        Submission("complaints-report", "quarterly-report-submitted"),
    ),
    opening=("referral-received", "package-commenced"),
    year_start_month=4,
)
