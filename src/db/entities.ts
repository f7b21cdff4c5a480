import { Brand } from '../modules/enterprise/brand.entity';
import { Enterprise } from '../modules/enterprise/enterprise.entity';
import { EnterpriseAnnualFigure } from '../modules/enterprise/enterprise-annual-figure.entity';
import { BeltAnnualFigure, BeltMembership } from '../modules/belt/belt-membership.entity';
import { IndustrialBelt } from '../modules/belt/industrial-belt.entity';
import { IndustrialPark } from '../modules/park/industrial-park.entity';
import { ParkTenancy } from '../modules/park/park-tenancy.entity';
import { PolicyMeasure } from '../modules/policy/policy-measure.entity';
import { PolicyTarget } from '../modules/policy/policy-target.entity';
import { Corridor, CorridorLane } from '../modules/reference/corridor.entity';
import { Country } from '../modules/reference/country.entity';
import { District } from '../modules/reference/district.entity';
import { ProductCategory } from '../modules/reference/product-category.entity';
import { Zone } from '../modules/reference/zone.entity';
import { ServiceProvider } from '../modules/service-provider/service-provider.entity';
import { TalentBase, TalentProgramme } from '../modules/talent/talent-base.entity';
import { OverseasWarehouse } from '../modules/warehouse/overseas-warehouse.entity';
import { WarehouseCorridor } from '../modules/warehouse/warehouse-corridor.entity';
import { ApiKey } from '../modules/auth/api-key.entity';
import { CapacityDemand } from '../modules/matchmaking/capacity-demand.entity';
import { CapacityHold } from '../modules/matchmaking/capacity-hold.entity';
import { CapacityOffer } from '../modules/matchmaking/capacity-offer.entity';
import { IdempotencyRecord } from '../modules/matchmaking/idempotency-record.entity';
import { CapacityOperatorRecord } from '../modules/matchmaking/operator-record.entity';

/** Every entity, listed explicitly: discovery by folder glob costs start-up time and hides mistakes. */
export const entities = [
  District, Zone, Country, Corridor, CorridorLane, ProductCategory,
  PolicyMeasure, PolicyTarget,
  Enterprise, EnterpriseAnnualFigure, Brand,
  IndustrialPark, ParkTenancy,
  IndustrialBelt, BeltMembership, BeltAnnualFigure,
  OverseasWarehouse, WarehouseCorridor,
  ServiceProvider,
  TalentBase, TalentProgramme,
  ApiKey, CapacityOffer, CapacityDemand, CapacityHold, CapacityOperatorRecord, IdempotencyRecord,
];
