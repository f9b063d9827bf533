use crate::components::first_help::FirstHelp;
use crate::components::lock_screens::UnlessLocked;
use crate::components::plan::{chosen_place, OtherEntries, PlanPrint, PlanStatus, StepSection};
use crate::components::speech_controls::Listen;
use crate::components::text::PageHeading;
use crate::content::{self, PageId, PLAN_ABOUT, PLAN_STEPS};
use crate::lock::use_lock;
use crate::user_data::use_user_data;
use leptos::prelude::*;

/// What "Listen to your plan" reads: each step the person has written in, and what they wrote.
const PLAN_READ: &str = "main .plan-step:has(.plan-entry) h2, main .plan-entry__text, main .plan-entry__phone, \
    main .plan-entry .contact:not(.contact--quiet)";

/// "Your plan for hard days": the numbers to call now, then the seven steps with what the person
/// wrote under each. On paper, a one-page summary instead.
#[component]
pub fn Plan() -> impl IntoView {
    let page = content::page(PageId::Plan);
    let place = chosen_place(use_user_data());
    let lock = use_lock();
    let data = use_user_data();
    view! {
        <PageHeading page />
        <div class="plan-screen">
            <p class="plan-about">{PLAN_ABOUT}</p>
            <FirstHelp shown=place />
            // Urgent help above stays open when the person's plan is locked.
            <UnlessLocked>
                <PlanStatus />
                // Read on this device only, by one of its own voices; only steps with something
                // written in them, and only what the person wrote.
                <Show when=move || data.plan.with(|p| p.count() > 0)>
                    <Listen read=PLAN_READ label="Listen to your plan" />
                </Show>
                {PLAN_STEPS.iter().enumerate().map(|(i, step)| view! { <StepSection step number=i + 1 /> }).collect_view()}
                <OtherEntries />
            </UnlessLocked>
        </div>
        {move || (!lock.is_locked()).then(|| view! {
            <PlanPrint />
        })}
    }
}
