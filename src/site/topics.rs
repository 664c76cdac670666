//! The stable ITA topic keys content is tagged with. The yearly ITA/OIT catalogs map their item
//! codes to these keys, so content stays tagged the same when the numbering changes.

pub const KEYS: &[&str] = &[
    // basic information
    "structure",
    "executives",
    "authority",
    "strategic_plan",
    "contact",
    "laws",
    "news",
    "qa",
    "social_network",
    "privacy_policy",
    // administration
    "operating_plan",
    "progress_report_6m",
    "annual_report",
    "operations_manual",
    "service_manual",
    "service_statistics",
    "satisfaction_survey",
    "e_service",
    // procurement
    "procurement_plan",
    "procurement_notices",
    "procurement_monthly",
    "procurement_annual_report",
    // human resources
    "hr_policy",
    "hr_policy_actions",
    "hr_criteria",
    "hr_annual_report",
    // complaints and participation
    "complaint_guideline",
    "complaint_channels",
    "complaint_statistics",
    "participation",
    // anti-corruption
    "no_gift_announcement",
    "no_gift_culture",
    "no_gift_report",
    "bribery_prevention",
    "risk_assessment",
    "risk_management",
    "anticorruption_plan",
    "anticorruption_progress_6m",
    "anticorruption_annual_report",
    // ethics
    "ethics_code",
    "ethics_drive",
    "ethics_assessment",
    // integrity
    "integrity_measures",
    "integrity_measures_report",
];
