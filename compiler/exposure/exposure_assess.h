/* exposure_assess.h - the assessors the check table names (exposure_assess.c). */
#ifndef UNITC_EXPOSURE_ASSESS_H
#define UNITC_EXPOSURE_ASSESS_H

#include "base/prelude.h"

struct exposure_check;
struct exposure_ctx;

/* Each returns the row's badness (0..range, or EXPOSURE_NA) and may set *ret_desc. */
uint64_t exposure_assess_bool(const struct exposure_ctx *c, const struct exposure_check *k,
                              const char **ret_desc);
uint64_t exposure_assess_user(const struct exposure_ctx *c, const struct exposure_check *k,
                              const char **ret_desc);
uint64_t exposure_assess_supplementary_groups(const struct exposure_ctx *c, const struct exposure_check *k,
                                              const char **ret_desc);
uint64_t exposure_assess_remove_ipc(const struct exposure_ctx *c, const struct exposure_check *k,
                                    const char **ret_desc);
uint64_t exposure_assess_protect_home(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc);
uint64_t exposure_assess_protect_system(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc);
uint64_t exposure_assess_root_directory(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc);
uint64_t exposure_assess_capability_bounding_set(const struct exposure_ctx *c, const struct exposure_check *k,
                                                 const char **ret_desc);
uint64_t exposure_assess_ambient_capabilities(const struct exposure_ctx *c, const struct exposure_check *k,
                                              const char **ret_desc);
uint64_t exposure_assess_umask(const struct exposure_ctx *c, const struct exposure_check *k,
                               const char **ret_desc);
uint64_t exposure_assess_keyring_mode(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc);
uint64_t exposure_assess_protect_proc(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc);
uint64_t exposure_assess_proc_subset(const struct exposure_ctx *c, const struct exposure_check *k,
                                     const char **ret_desc);
uint64_t exposure_assess_notify_access(const struct exposure_ctx *c, const struct exposure_check *k,
                                       const char **ret_desc);
uint64_t exposure_assess_restrict_namespaces(const struct exposure_ctx *c, const struct exposure_check *k,
                                             const char **ret_desc);
uint64_t exposure_assess_syscall_architectures(const struct exposure_ctx *c, const struct exposure_check *k,
                                               const char **ret_desc);
uint64_t exposure_assess_syscall_filter(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc);
uint64_t exposure_assess_ip_address(const struct exposure_ctx *c, const struct exposure_check *k,
                                    const char **ret_desc);
uint64_t exposure_assess_device_allow(const struct exposure_ctx *c, const struct exposure_check *k,
                                      const char **ret_desc);
/* The address family classes of SecurityInfo (restrict_address_family_inet ...): an allow
 * list restricts a class unless it names one of its families, a deny list when it names one. */
uint64_t exposure_assess_address_family(const struct exposure_ctx *c, const struct exposure_check *k,
                                        const char **ret_desc);
/* The row's members in the bits its setting is loaded into: capabilities and families as
 * the row has them, a namespace as its index in namespace_names, a syscall group as its
 * index in the target's table; 0 for a row about the whole setting. */
uint64_t exposure_check_members(const struct exposure_ctx *c, const struct exposure_check *k);

#endif
