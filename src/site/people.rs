//! `content/people.yaml`: who runs the organisation, as the structure chart shows them — the
//! political side (นายก รองนายก ประธานสภา ...) and the civil-service side (ปลัด ผู้อำนวยการกอง
//! ...), each person with position, photo and contact — and, optionally, the organisation's
//! powers and duties. One page (`/structure/`) answers the ITA items on structure, executives
//! and authority.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, codes};
use crate::site::document::AttachmentRef;
use crate::site::source::{Source, parse_yaml};

pub const FILE: &str = "content/people.yaml";

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// ฝ่ายการเมือง: นายก รองนายก เลขานุการ ที่ปรึกษา ประธานสภา รองประธานสภา ...
    #[serde(default)]
    pub political: Vec<Person>,
    /// ฝ่ายประจำ: ปลัด รองปลัด หัวหน้าสำนักปลัด ผู้อำนวยการกอง ...
    #[serde(default)]
    pub civil_service: Vec<Person>,
    /// อำนาจหน้าที่ (Markdown), when the page should state it.
    pub authority: Option<String>,
    /// The signed structure chart, e.g. a PDF of the announcement.
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    #[serde(skip_serializing)]
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// ตำแหน่ง, as the organisation writes it.
    pub position: String,
    /// The division or office led (กองช่าง, สำนักปลัด), when it is not in the position.
    pub unit: Option<String>,
    /// A photo under `content/files/` (`files/people/mayor.jpg`).
    pub photo: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The file, with where it came from.
#[derive(Clone, Debug)]
pub struct People {
    pub source: Source,
    pub data: PeopleFile,
}

impl People {
    pub fn load(source: Source) -> Result<Self, Diagnostic> {
        let data: PeopleFile = parse_yaml(&source, &source.text, 1)?;
        if data.political.is_empty() && data.civil_service.is_empty() {
            return Err(Diagnostic::error(
                codes::PEOPLE_EMPTY,
                &source.path,
                crate::diagnostic::Msg::new(
                    "ยังไม่มีรายชื่อผู้บริหาร (political และ civil_service ว่างทั้งคู่)",
                    "nobody is listed (political and civil_service are both empty)",
                ),
            )
            .at(&source.text, 1, 0)
            .help(crate::diagnostic::Msg::new(
                "ใส่ผู้บริหารฝ่ายการเมืองใน political และฝ่ายประจำใน civil_service แต่ละคนมี name และ position",
                "list the political side under political and the civil service under civil_service, each with name and position",
            )));
        }
        Ok(Self { source, data })
    }

    /// Every photo reference with where it is written, for the attachment check.
    pub fn photos(&self) -> Vec<AttachmentRef> {
        self.data
            .political
            .iter()
            .chain(&self.data.civil_service)
            .filter_map(|p| {
                p.photo.as_ref().map(|file| AttachmentRef {
                    file: file.clone(),
                    title: Some(p.name.clone()),
                })
            })
            .collect()
    }
}
