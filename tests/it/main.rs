//! The integration tests, one binary: each module runs the real `prongsai` binary on fixture
//! sites (built by `support`) and looks at what it wrote the way a user would.

mod support;

mod bad_input;
mod boundaries;
mod budget;
mod build;
mod build_cache;
mod commands;
mod compliance;
mod dataset_metadata;
mod deploy;
mod diagnostics;
mod encodings;
mod first_day;
mod forms_complete;
mod hostile_content;
mod import;
mod interrupt;
mod large;
mod layering;
mod open_data;
mod ownership;
mod pasted;
mod people;
mod procurement;
mod properties;
mod schemas;
mod search;
mod section_lists;
mod serve;
mod serve_safety;
mod sources;
mod streamed_pages;
mod theme;
mod whole_output;
