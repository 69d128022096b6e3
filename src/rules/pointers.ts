// Every pointer the semantic rules read or report, declared once and parsed once: a large run
// makes millions of lookups, and a Pointer skips building and parsing the text. Named for the
// path: LB_ for the create-loadbalancer body, POOL_ for the create-master-slave-pool body.
// Rules build the rest from these (`LB.child(field)`, `member.at.child('address')`).

import { pointer } from '../json/pointer.js';

export const LB = pointer('/loadbalancer');
export const LB_AUTOSCALING = pointer('/loadbalancer/autoscaling');
export const LB_AUTOSCALING_ENABLE = pointer('/loadbalancer/autoscaling/enable');
export const LB_AVAILABILITY_ZONE_LIST = pointer('/loadbalancer/availability_zone_list');
export const LB_ENTERPRISE_PROJECT_ID = pointer('/loadbalancer/enterprise_project_id');
export const LB_GW_FLAVOR_ID = pointer('/loadbalancer/gw_flavor_id');
export const LB_IP_TARGET_ENABLE = pointer('/loadbalancer/ip_target_enable');
export const LB_IPV6_BANDWIDTH = pointer('/loadbalancer/ipv6_bandwidth');
export const LB_IPV6_VIP_VIRSUBNET_ID = pointer('/loadbalancer/ipv6_vip_virsubnet_id');
export const LB_LOADBALANCER_TYPE = pointer('/loadbalancer/loadbalancer_type');
export const LB_PREPAID_OPTIONS = pointer('/loadbalancer/prepaid_options');
export const LB_PREPAID_OPTIONS_PERIOD_NUM = pointer('/loadbalancer/prepaid_options/period_num');
export const LB_PREPAID_OPTIONS_PERIOD_TYPE = pointer('/loadbalancer/prepaid_options/period_type');
export const LB_PROJECT_ID = pointer('/loadbalancer/project_id');
export const LB_PROTECTION_REASON = pointer('/loadbalancer/protection_reason');
export const LB_PROTECTION_STATUS = pointer('/loadbalancer/protection_status');
export const LB_PROVIDER = pointer('/loadbalancer/provider');
export const LB_PUBLICIP = pointer('/loadbalancer/publicip');
export const LB_PUBLICIP_BANDWIDTH = pointer('/loadbalancer/publicip/bandwidth');
export const LB_PUBLICIP_BANDWIDTH_ID = pointer('/loadbalancer/publicip/bandwidth/id');
export const LB_PUBLICIP_BANDWIDTH_NAME = pointer('/loadbalancer/publicip/bandwidth/name');
export const LB_PUBLICIP_BANDWIDTH_SHARE_TYPE = pointer('/loadbalancer/publicip/bandwidth/share_type');
export const LB_PUBLICIP_IP_VERSION = pointer('/loadbalancer/publicip/ip_version');
export const LB_PUBLICIP_IDS = pointer('/loadbalancer/publicip_ids');
export const LB_PUBLICIP_IDS_1 = pointer('/loadbalancer/publicip_ids/1');
export const LB_VIP_SUBNET_CIDR_ID = pointer('/loadbalancer/vip_subnet_cidr_id');
export const LB_VPC_ID = pointer('/loadbalancer/vpc_id');

export const POOL_ANY_PORT_ENABLE = pointer('/pool/any_port_enable');
export const POOL_CONNECTION_DRAIN = pointer('/pool/connection_drain');
export const POOL_ENTERPRISE_PROJECT_ID = pointer('/pool/enterprise_project_id');
export const POOL_HEALTHMONITOR = pointer('/pool/healthmonitor');
export const POOL_HEALTHMONITOR_DELAY = pointer('/pool/healthmonitor/delay');
export const POOL_HEALTHMONITOR_MONITOR_PORT = pointer('/pool/healthmonitor/monitor_port');
export const POOL_HEALTHMONITOR_TIMEOUT = pointer('/pool/healthmonitor/timeout');
export const POOL_HEALTHMONITOR_TYPE = pointer('/pool/healthmonitor/type');
export const POOL_IP_VERSION = pointer('/pool/ip_version');
export const POOL_LB_ALGORITHM = pointer('/pool/lb_algorithm');
export const POOL_MEMBERS = pointer('/pool/members');
export const POOL_MEMBERS_0_ROLE = pointer('/pool/members/0/role');
export const POOL_MEMBERS_1_ROLE = pointer('/pool/members/1/role');
export const POOL_PROJECT_ID = pointer('/pool/project_id');
export const POOL_PROTOCOL = pointer('/pool/protocol');
export const POOL_QUIC_CID_HASH_STRATEGY = pointer('/pool/quic_cid_hash_strategy');
export const POOL_SESSION_PERSISTENCE = pointer('/pool/session_persistence');
export const POOL_SESSION_PERSISTENCE_COOKIE_NAME = pointer('/pool/session_persistence/cookie_name');
export const POOL_SESSION_PERSISTENCE_PERSISTENCE_TIMEOUT = pointer('/pool/session_persistence/persistence_timeout');
export const POOL_SESSION_PERSISTENCE_TYPE = pointer('/pool/session_persistence/type');
export const POOL_TYPE = pointer('/pool/type');
export const POOL_VPC_ID = pointer('/pool/vpc_id');
