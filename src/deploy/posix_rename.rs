//! OpenSSH's `posix-rename@openssh.com`: a rename that replaces the target in one step, as
//! `rename(2)` does. Plain SFTP (version 3) refuses to rename onto an existing file, so
//! without it a changed page would be missing between removing the old file and renaming the
//! new one. libssh2 (bundled by libssh2-sys, 1.11) implements the extension; the ssh2 crate
//! does not expose it, so it is called here on an SFTP channel of its own.

use std::os::raw::{c_char, c_int};

use ssh2::Session;

unsafe extern "C" {
    fn libssh2_sftp_posix_rename_ex(
        sftp: *mut libssh2_sys::LIBSSH2_SFTP,
        source: *const c_char,
        source_len: usize,
        dest: *const c_char,
        dest_len: usize,
    ) -> c_int;
}

/// An SFTP channel used only for POSIX renames; closed on drop.
pub struct PosixRename {
    session: Session,
    sftp: *mut libssh2_sys::LIBSSH2_SFTP,
}

impl PosixRename {
    /// Opens the channel; `None` when the server will not start another SFTP subsystem.
    pub fn open(session: &Session) -> Option<Self> {
        let sftp = {
            let mut raw = session.raw();
            // SAFETY: `raw` is the session's live handle, locked for the duration of the call,
            // which is how ssh2 itself calls libssh2.
            unsafe { libssh2_sys::libssh2_sftp_init(&mut *raw) }
        };
        (!sftp.is_null()).then(|| Self {
            session: session.clone(),
            sftp,
        })
    }

    /// Renames `from` over `to`. `false` when the server lacks the extension or refuses.
    pub fn rename(&self, from: &str, to: &str) -> bool {
        let _lock = self.session.raw();
        // SAFETY: `self.sftp` was returned by libssh2_sftp_init on this session and is not yet
        // shut down; the session is locked; the strings outlive the call and their lengths
        // are passed.
        let rc = unsafe {
            libssh2_sftp_posix_rename_ex(
                self.sftp,
                from.as_ptr().cast(),
                from.len(),
                to.as_ptr().cast(),
                to.len(),
            )
        };
        rc == 0
    }
}

impl Drop for PosixRename {
    fn drop(&mut self) {
        let _lock = self.session.raw();
        // SAFETY: shut down once, on the session that made it, which is locked.
        unsafe {
            libssh2_sys::libssh2_sftp_shutdown(self.sftp);
        }
    }
}
