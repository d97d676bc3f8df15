"""English facilitator language for demo notes (data only).

Placeholders filled by `compose`: {pa} and {pb} (participant codes), {unit} ("ministry",
"agency"…), {strategy}, {id_system}, {payments} (country words), and in dissent {p} and
{level}. SAID holds what participants said; READING the facilitator's interpretation
against the section's benchmarks — notes keep the two apart.
"""

from __future__ import annotations

LABELS = {"said": "Said:", "reading": "Reading:"}
LEVEL_NAMES = {"high": "High", "moderate": "Moderate", "basic": "Basic"}

SAID: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": (
            "{pa} walked the group through a stakeholder map of the whole service ecosystem: partner agencies, data flows and the citizens at the end of each journey.",
            "The team runs joint workshops with other agencies to agree the problem before anything is procured; two examples from the past year were given.",
            "User research is routine: participants mentioned journey maps and interviews with citizens and front-desk staff before each redesign.",
            "{pb} described how a queue problem at service counters was traced back to a rule in another agency, and fixed together with that agency.",
        ),
        "moderate": (
            "Participants could describe how their systems connect to those of other agencies and where citizens drop out, but said this picture stays within the ICT unit.",
            "{pa} said the team knows the whole picture but rarely gets business departments or partner agencies into one room to work through it.",
            "Users were consulted once, during requirements for the last major system; there has been no journey mapping since.",
            "The group named the main dependencies of its flagship service without hesitation, including the ones outside the {unit}.",
        ),
        "basic": (
            "Several participants had heard of design thinking in workshops, but no one could name a project where it was applied.",
            "Systems were described one at a time; asked how the main service depends on other agencies, the group was unsure.",
            "{pa} said projects start from a vendor proposal or a directive rather than from users' needs.",
        ),
    },
    "distributed-leadership": {
        "high": (
            "The team works in two-week iterations; {pa} showed how a planned feature was dropped after user testing showed citizens did not need it.",
            "When the budget was cut mid-year, leadership set out three options with their costs and risks and the team chose among them.",
            "Decisions are delegated to product teams; participants said they do not wait for the director to approve each change.",
        ),
        "moderate": (
            "{pa} summarised a sixty-page feasibility study into the three decisions that mattered, and the group agreed that is how they usually work.",
            "Iterations are used on some projects, but approvals still go up the hierarchy and slow the team down.",
            "Participants said they are comfortable starting work with incomplete information and adjusting later.",
            "{pb} gave an example of a data-centre outage handled well under pressure, but could not name a case of planning ahead for such choices.",
        ),
        "basic": (
            "Work is planned in annual cycles and any change needs the accounting officer's approval; participants described waiting weeks for decisions.",
            "{pa} said the team mostly reacts to requests from the top and to system failures.",
            "The word agile was familiar from a vendor's training, but teams do not work in iterations.",
        ),
    },
    "project-execution": {
        "high": (
            "A PMO with a defined mandate reviews all ICT projects monthly; participants showed the portfolio dashboard with budget, milestones and risks.",
            "{pa} explained the stage-gate process every project follows from concept to closure, including a lessons-learnt review.",
            "Prioritisation follows published criteria; projects that fall behind are escalated to the steering committee within a fortnight.",
        ),
        "moderate": (
            "There is no PMO, but several project managers are certified (PRINCE2 and PMP were mentioned) and cover each other's gaps.",
            "Budgets are tracked per project; risks are logged for large projects only.",
            "{pa} said delivery depends on a handful of experienced people; when one left, a project stalled for four months.",
            "A PMO was approved last year and has a head, but {pb} said it has not yet reviewed a single project.",
        ),
        "basic": (
            "Projects are run by whoever is available; participants said the vendor usually holds the plan and reports progress.",
            "No one in the group had formal project-management training; budgets are tracked by finance, not by the project team.",
            "{pa} said there is a PMO on the organogram, but it has never met.",
        ),
    },
    "change-management": {
        "high": (
            "Every major change has a sponsor, a stakeholder analysis and a communication plan; participants showed the template used for the last e-service rollout.",
            "{pa} described how staff worries about job losses were addressed early, with retraining commitments made before go-live.",
            "Leaders across directorates use the same change approach, and adoption is measured three months after go-live.",
        ),
        "moderate": (
            "The ICT directorate has a change approach with sponsors and a communication plan, but other directorates do not apply it.",
            "Some participants attended change-management training; {pa} applies it on current projects, others were unaware it existed.",
            "Resistance was discussed openly: past failed projects and unclear sponsorship were named as the main causes.",
        ),
        "basic": (
            "Changes are announced by circular; participants described staff learning about a new system on the day it went live.",
            "{pa} said resistance is handled by instruction from the top rather than by engaging the people affected.",
            "No one could say who is responsible for change management when a new system is introduced.",
            "{pb} recalled a records system abandoned after a year because clerks kept the paper registers going in parallel.",
        ),
    },
    "digital-strategic-plan": {
        "high": (
            "The {unit} has a digital strategy aligned with {strategy}, with an M&E plan, baselines and targets; progress is reported each quarter.",
            "{pa} explained that the plan was revised last year after the mid-term review, and that budget lines follow its priorities.",
            "Participants referred to the strategy unprompted when explaining decisions.",
        ),
        "moderate": (
            "A sector digital strategy exists and refers to {strategy}, but its indicators lack baselines and there is no M&E budget.",
            "Planning happens every year or two with support from a development partner; {pa} said internal staff wrote most of the last draft.",
            "Goals in the new draft are specific and time-bound, but progress reporting has not started.",
        ),
        "basic": (
            "The team intends to write a digital strategy; for now it relies on the ICT paragraphs of the sector plan.",
            "{pa} said a consultant drafted a plan three years ago but it was never adopted.",
            "Participants were unsure whether the {unit}'s priorities are aligned with {strategy}.",
        ),
    },
    "policy-influence": {
        "high": (
            "The {unit} is routinely invited to cabinet-level and parliamentary committee discussions on digital policy; {pa} gave two recent examples.",
            "There is a regular briefing cycle for senior management and the minister, and the team tracks which of its proposals were taken up.",
            "Participants drafted sections of the latest digital bill and defended them in the public consultations.",
        ),
        "moderate": (
            "Participants know they can influence policy and sit on national working groups, but their engagement depends on being invited.",
            "{pa} said the director briefs leadership when asked, not on a regular schedule.",
            "The team sent comments on the draft data-governance framework but does not know what happened to them.",
        ),
        "basic": (
            "Policy is seen as something decided elsewhere; participants rarely meet senior decision-makers.",
            "{pa} said the team would like to brief leadership but does not know the channel to do so.",
            "Participants said the {unit} was not consulted on recent digital policy.",
        ),
    },
    "processes-services": {
        "high": (
            "Each service in the catalogue has a documented process with an owner, roles, service levels and KPIs; participants showed the catalogue.",
            "{pa} described monthly service reviews driven by complaints and satisfaction data.",
            "Process maps were redrawn from the citizen's point of view when the service moved online.",
        ),
        "moderate": (
            "Core processes (procurement, helpdesk, change requests) are documented and widely used; others are not.",
            "{pa} said processes are reviewed after major incidents, with some improvements made.",
            "The helpdesk tracks tickets, but no service levels have been agreed with users.",
        ),
        "basic": (
            "Participants described work driven by breakdowns: the team fixes what fails and moves on.",
            "There is no service catalogue; {pa} said requests arrive by phone, by WhatsApp and in the corridor.",
            "Process documentation exists only where a vendor wrote it as part of a system handover.",
        ),
    },
    "enterprise-architecture": {
        "high": (
            "Services reuse shared building blocks for identity ({id_system}), payments ({payments}) and data exchange; participants showed the architecture repository.",
            "{pa} explained that new systems must pass an architecture review against the interoperability framework before procurement.",
            "Minimum APIs are published, and two other agencies consume the {unit}'s data through them.",
        ),
        "moderate": (
            "An interoperability framework has been adopted, but systems still integrate point to point; links to {id_system} are planned.",
            "{pa} said new systems follow the national standards but legacy systems are out of scope.",
            "Payments go through {payments}, but identity checks are still manual.",
        ),
        "basic": (
            "Each system was procured separately; participants could not name a standard that applies across them.",
            "{pa} said data is exchanged by exporting spreadsheets and sending them by e-mail.",
            "There is no architecture function; vendors choose the technology.",
        ),
    },
}

READING: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": (
            "Fits the High benchmark: the {unit} not only sees the wider digital ecosystem but helps other institutions build a shared picture of complex problems.",
            "High. The group showed how it brings others to a shared understanding, which is what separates High from Moderate.",
        ),
        "moderate": (
            "Moderate — a clear understanding of the whole system, but no evidence yet of moving groups of people to a shared understanding (the High benchmark).",
            "The group sees the system but does not yet convene others around it. Moderate, with design-thinking practice the obvious next step.",
        ),
        "basic": (
            "Basic — the concept of systems thinking is understood but has not been practised with a group of people, as the benchmark describes.",
            "The understanding is conceptual; no practice in group settings was described. Basic.",
        ),
    },
    "distributed-leadership": {
        "high": (
            "High — the group shifts from reacting to problems to co-creating what comes next, and develops strategic alternatives with their risks and rewards.",
            "High. Decision-making under uncertainty was illustrated with concrete cases, not just asserted.",
        ),
        "moderate": (
            "Moderate — complex information is assimilated and distilled to core issues; strategic alternatives with risks and rewards are not yet developed routinely.",
            "Comfort with ambiguity (a Moderate marker) is there; the shift from reactive problem solving to co-creating the future was not evidenced.",
        ),
        "basic": (
            "Basic — the {unit} copes with some complexity and ambiguity, but decisions remain reactive and centralised.",
            "Coping with uncertainty rather than leading through it, which is the Basic benchmark.",
        ),
    },
    "project-execution": {
        "high": (
            "High — a functioning PMO with capable people and a reliable delivery record; the benchmark's commitment to making things happen came through in the examples.",
            "High, on the strength of the portfolio reporting seen and the consistency of the delivery process described.",
        ),
        "moderate": (
            "Moderate — capable individuals with complementary project-management skills, but no functioning PMO as in the High benchmark.",
            "Skills are present; the institutional mechanism is not. Moderate.",
        ),
        "basic": (
            "Basic — capable individuals who do not yet have all the skills a project needs to succeed; the benchmark's wording fits closely.",
            "Delivery depends on vendors and goodwill. Basic.",
        ),
    },
    "change-management": {
        "high": (
            "High — a common team approach to change that secures buy-in and is used to support the team's purpose and drive performance.",
            "High. The approach is shared by the leadership as a whole, not only by the ICT unit.",
        ),
        "moderate": (
            "Moderate — a common approach to change exists within part of the leadership but is not shared across the {unit}.",
            "Pockets of good practice, not yet a team-wide approach. Moderate.",
        ),
        "basic": (
            "Basic — there is no common approach to change or change management.",
            "Change is treated as a technical rollout. Basic.",
        ),
    },
    "digital-strategic-plan": {
        "high": (
            "High — the digital strategic plan guides decisions extensively, is revised regularly and its execution is reported on.",
            "High. The plan is a working document, not a shelf document.",
        ),
        "moderate": (
            "Moderate — practitioners set concrete, realistic goals and there is some internal expertise, but the plan does not yet guide decisions extensively.",
            "Near-regular planning with partner support fits Moderate; regular progress reporting (High) is missing.",
        ),
        "basic": (
            "Basic — the team intends to develop a digital strategic plan but has not written or updated one.",
            "No plan in use. Basic, as the benchmark words it.",
        ),
    },
    "policy-influence": {
        "high": (
            "High — proactive and reactive influence at national level; the {unit} is often called on for substantive discussions.",
            "High. Influence is both sought by others and shown by outcomes.",
        ),
        "moderate": (
            "Moderate — aware of its potential to influence and active in national discussions, but not yet a go-to voice.",
            "Active rather than proactive, and the effect of engagement is not tracked. Moderate.",
        ),
        "basic": (
            "Basic — some readiness and skill to join higher-level policy discussions, little practice.",
            "Basic. The readiness exists; the opportunities and channels do not.",
        ),
    },
    "processes-services": {
        "high": (
            "High — consistent process documentation with policy, purpose, roles and metrics, and a focus on service outcomes over technical considerations.",
            "High. Customer outcomes, not technical uptime, drive the reviews.",
        ),
        "moderate": (
            "Moderate — well-designed processes in core areas and occasional monitoring; documentation is not consistent across services.",
            "Processes are known, accepted and used; monitoring is occasional. Moderate.",
        ),
        "basic": (
            "Basic — a technical rather than service focus, reactive work, functions partially present without structure.",
            "Reactive and technically focused, with little structure. Basic.",
        ),
    },
    "enterprise-architecture": {
        "high": (
            "High — an interoperability framework linked to payments and identity supports the rollout of multiple services.",
            "High. The framework is in use, not only on paper.",
        ),
        "moderate": (
            "Moderate — an interoperability framework exists but lacks the linkages to payments and ID systems.",
            "Framework present, linkages partial. Moderate.",
        ),
        "basic": (
            "Basic — services are deployed ad hoc, without guiding standards or frameworks.",
            "Uncoordinated deployment, as the Basic benchmark describes.",
        ),
    },
}

EVIDENCE: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": ("Stakeholder map drawn on a flipchart during the session (photographed).",
                 "Journey maps from the last service redesign, shared by e-mail after the session.",
                 "Report of the joint problem-definition workshop with partner agencies."),
        "moderate": ("System context diagram of the ICT unit (shown on screen).",
                     "Requirements document of the last major system, with its user-consultation annex."),
    },
    "distributed-leadership": {
        "high": ("Sprint board shown on screen (current iteration).",
                 "Options paper presented to management after the mid-year budget cut.",
                 "Delegation-of-authority memo for product teams (seen, not shared)."),
        "moderate": ("One-page summary of the feasibility study prepared by {pa}.",
                     "Sprint board of the e-services team, the only team working in iterations."),
    },
    "project-execution": {
        "high": ("PMO terms of reference and the monthly portfolio dashboard.",
                 "Project charter template and the minutes of a recent stage-gate review.",
                 "Risk register of the largest ICT project (shown on screen, not shared)."),
        "moderate": ("Project plans of two current projects, kept by their managers.",
                     "List of staff certified in project management (PRINCE2, PMP)."),
    },
    "change-management": {
        "high": ("Communication plan for the last system rollout.",
                 "Summary of a staff survey on the new records system, shared after the session.",
                 "Adoption report three months after go-live."),
        "moderate": ("Attendance list of the change-management training.",
                     "Communication plan drafted by the ICT directorate for its own rollout."),
    },
    "digital-strategic-plan": {
        "high": ("Sector digital strategy 2023–2027 with its M&E framework.",
                 "Quarterly progress report on the digital strategy (Q3).",
                 "Mid-term review of the strategy and the revised targets."),
        "moderate": ("Draft sector digital strategy 2023–2027, shared after the session.",
                     "M&E framework annex with baselines for six of eleven indicators."),
    },
    "policy-influence": {
        "high": ("Submission to the parliamentary committee on ICT.",
                 "Cabinet memo drafted by the team (title and date only shared).",
                 "Briefing calendar for the minister and the log of proposals taken up."),
        "moderate": ("Minutes of the national digital policy working group.",
                     "Comments sent on the draft data-governance framework."),
    },
    "processes-services": {
        "high": ("Service catalogue with owners and service levels.",
                 "Monthly service review report with satisfaction scores.",
                 "Process maps redrawn from the citizen's point of view."),
        "moderate": ("Helpdesk ticket statistics for the last quarter.",
                     "Documented change-request procedure."),
    },
    "enterprise-architecture": {
        "high": ("Interoperability framework document and the architecture repository (screen share).",
                 "API catalogue listing the published endpoints.",
                 "Architecture review checklist used before procurement."),
        "moderate": ("National interoperability standards as adopted by the {unit}.",
                     "Integration diagram of the main systems, drawn by {pa} during the session."),
    },
}

NO_EVIDENCE = (
    "None shown; {pa} offered to send the relevant documents.",
    "No documents available at the session.",
    "{pa} to share the draft after clearance; not received yet.",
)

DISSENT: dict[str, dict[str, str]] = {
    "systems-design-thinking": {
        "lower": "{p} argued for {level}: the stakeholder map was a consultant's product and staff have not used it since.",
        "higher": "{p} argued for {level}, citing the joint workshop with two ministries; the group felt one workshop is not yet a practice.",
    },
    "distributed-leadership": {
        "lower": "{p} argued for {level}: every decision that matters still waits for one signature.",
        "higher": "{p} argued for {level}, pointing to the iteration practice of the e-services team; others said that team is the exception.",
    },
    "project-execution": {
        "lower": "{p} argued for {level}: the PMO exists on paper only.",
        "higher": "{p} argued for {level}: most projects of the last two years were delivered on time; the group noted they were small.",
    },
    "change-management": {
        "lower": "{p} argued for {level}: the approach lives in the ICT unit and nowhere else.",
        "higher": "{p} argued for {level}, citing the communication plan of the last rollout; the group felt one plan is not a common approach.",
    },
    "digital-strategic-plan": {
        "lower": "{p} argued for {level}: the strategy is not referred to when budgets are decided.",
        "higher": "{p} argued for {level}: the strategy is revised every year; others noted there is no progress reporting.",
    },
    "policy-influence": {
        "lower": "{p} argued for {level}: the {unit} is consulted late, when the policy is already written.",
        "higher": "{p} argued for {level}, citing the team's role in drafting the data-protection regulations.",
    },
    "processes-services": {
        "lower": "{p} argued for {level}: the documented processes are not followed in practice.",
        "higher": "{p} argued for {level}: the helpdesk has measured response times for a year.",
    },
    "enterprise-architecture": {
        "lower": "{p} argued for {level}: the framework was adopted, but no system has been assessed against it.",
        "higher": "{p} argued for {level}: the integration with {id_system} is live in one service.",
    },
}

NOT_ASSESSED = (
    "Not discussed: the participants responsible for this area left before the section was reached, and the group preferred not to answer for them.",
    "Time ran out; the group agreed to cover this section in a follow-up call.",
    "The group said this area is handled by the parent ministry and declined to rate it.",
)

# Remarks on the discussion itself, added to some notes.
OBSERVATIONS = (
    "Senior participants spoke first here; technical staff added more once asked directly.",
    "Lively discussion; the group reached its level quickly.",
    "The group took time to agree; the discussion moved between examples from different directorates.",
    "{pb} added examples from the regional offices, which differ from headquarters.",
    "Participants asked that the examples given stay within the room.",
)

PARTIAL = "Discussion under way when the session broke; level to be agreed when the group reconvenes."

CONSENT = (
    "Introduction read. Participants were told that confidentiality among co-participants cannot be guaranteed and that they may pass on any question. All agreed to take part.",
    "Introduction and purpose read; the group was reminded that ratings describe capacity, not people. Consent given by all; names kept apart from codes.",
)
RECORDING = {
    True: "Audio recording allowed for note-taking only.",
    False: "No audio recording; written notes only.",
}
