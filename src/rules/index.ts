// The registry: every rule, sorted by ID. A test proves it lists exactly the files under
// src/rules/<area>/, the IDs of shared/spec/rules.md, rules.yaml, the docs and the case folders.

import type { AnyRule, SchemaRule, SemanticRule } from './rule.js';
import { isSchemaRule, isSemanticRule } from './rule.js';
import apiDiscouragedField from './api/discouraged-field.js';
import apiEnterpriseProjectId from './api/enterprise-project-id.js';
import inputUnknownKind from './input/unknown-kind.js';
import internalRuleError from './internal/rule-error.js';
import lbBandwidthIdIgnored from './lb/bandwidth-id-ignored.js';
import lbBandwidthNew from './lb/bandwidth-new.js';
import lbBandwidthShared from './lb/bandwidth-shared.js';
import lbFixedValues from './lb/fixed-values.js';
import lbFlavorBilling from './lb/flavor-billing.js';
import lbFlavorCatalog from './lb/flavor-catalog.js';
import lbGateway from './lb/gateway.js';
import lbIpv6Bandwidth from './lb/ipv6-bandwidth.js';
import lbNetworkAnchor from './lb/network-anchor.js';
import lbPrepaidPeriod from './lb/prepaid-period.js';
import lbProtectionReason from './lb/protection-reason.js';
import lbPublicIpExclusive from './lb/public-ip-exclusive.js';
import lbPublicIpIdsExtra from './lb/public-ip-ids-extra.js';
import lbPublicIpNetwork from './lb/public-ip-network.js';
import lbSingleAz from './lb/single-az.js';
import lbVipAddressSubnet from './lb/vip-address-subnet.js';
import parseDuplicateKey from './parse/duplicate-key.js';
import parseInvalidJson from './parse/invalid-json.js';
import poolAlgorithm from './pool/algorithm.js';
import poolAnyPort from './pool/any-port.js';
import poolAnyPortPorts from './pool/any-port-ports.js';
import poolConnectionDrain from './pool/connection-drain.js';
import poolHealthmonitorHttpFields from './pool/healthmonitor-http-fields.js';
import poolHealthmonitorProtocol from './pool/healthmonitor-protocol.js';
import poolHealthmonitorRange from './pool/healthmonitor-range.js';
import poolHealthmonitorTimeout from './pool/healthmonitor-timeout.js';
import poolMemberAddress from './pool/member-address.js';
import poolMemberIpVersion from './pool/member-ip-version.js';
import poolMemberRoles from './pool/member-roles.js';
import poolMembersDistinct from './pool/members-distinct.js';
import poolQuicCidStrategy from './pool/quic-cid-strategy.js';
import poolSessionPersistence from './pool/session-persistence.js';
import poolSessionPersistenceIgnored from './pool/session-persistence-ignored.js';
import poolTypeVpc from './pool/type-vpc.js';
import schemaEnum from './schema/enum.js';
import schemaFormat from './schema/format.js';
import schemaItems from './schema/items.js';
import schemaLength from './schema/length.js';
import schemaPattern from './schema/pattern.js';
import schemaRange from './schema/range.js';
import schemaRequired from './schema/required.js';
import schemaType from './schema/type.js';
import schemaUnknownField from './schema/unknown-field.js';

export const RULES: readonly AnyRule[] = [
  apiDiscouragedField,
  apiEnterpriseProjectId,
  inputUnknownKind,
  internalRuleError,
  lbBandwidthIdIgnored,
  lbBandwidthNew,
  lbBandwidthShared,
  lbFixedValues,
  lbFlavorBilling,
  lbFlavorCatalog,
  lbGateway,
  lbIpv6Bandwidth,
  lbNetworkAnchor,
  lbPrepaidPeriod,
  lbProtectionReason,
  lbPublicIpExclusive,
  lbPublicIpIdsExtra,
  lbPublicIpNetwork,
  lbSingleAz,
  lbVipAddressSubnet,
  parseDuplicateKey,
  parseInvalidJson,
  poolAlgorithm,
  poolAnyPort,
  poolAnyPortPorts,
  poolConnectionDrain,
  poolHealthmonitorHttpFields,
  poolHealthmonitorProtocol,
  poolHealthmonitorRange,
  poolHealthmonitorTimeout,
  poolMemberAddress,
  poolMemberIpVersion,
  poolMemberRoles,
  poolMembersDistinct,
  poolQuicCidStrategy,
  poolSessionPersistence,
  poolSessionPersistenceIgnored,
  poolTypeVpc,
  schemaEnum,
  schemaFormat,
  schemaItems,
  schemaLength,
  schemaPattern,
  schemaRange,
  schemaRequired,
  schemaType,
  schemaUnknownField,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.id, rule]));

export const SEMANTIC_RULES: readonly SemanticRule[] = RULES.filter(isSemanticRule);

export const SCHEMA_RULE_BY_KEYWORD: ReadonlyMap<string, SchemaRule> = new Map(
  RULES.filter(isSchemaRule).flatMap((rule) => rule.keywords.map((keyword) => [keyword, rule] as const)),
);
