use crate::components::plan::{chosen_place, OtherEntries, PlanPrint, PlanStatus, StepSection};
use crate::components::text::PageHeading;
use crate::components::urgent::FirstHelp;
use crate::content::{self, PLAN_ABOUT, PLAN_STEPS};
use crate::user_data::use_user_data;
use crate::components::lock::UnlessLocked;
use crate::lock::use_lock;
use leptos::prelude::*;

/// "Your plan for hard days": the numbers to call now, then the seven steps with what the person
/// wrote under each. On paper, a one-page summary instead.
#[component]
pub fn Plan() -> impl IntoView {
    let page = content::page("plan");
    let place = chosen_place(use_user_data());
    let lock = use_lock();
    view! {
        <PageHeading page />
        <div class="plan-screen">
            <p class="plan-about">{PLAN_ABOUT}</p>
            <FirstHelp shown=place />
            // Urgent help above stays open when the person's plan is locked.
            <UnlessLocked>
                <PlanStatus />
                {PLAN_STEPS.iter().enumerate().map(|(i, step)| view! { <StepSection step number=i + 1 /> }).collect_view()}
                <OtherEntries />
            </UnlessLocked>
        </div>
        <Show when=move || !lock.is_locked()>
            <PlanPrint />
        </Show>
    }
}
